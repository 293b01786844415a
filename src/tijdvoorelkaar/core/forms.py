"""Form rendering in NL Design System markup: labels, descriptions and errors tied to fields.

Django already sets aria-invalid and aria-describedby (`<id>_helptext`, `<id>_error`);
this adds the Utrecht component classes and an error summary at the top of each form.
"""

from django import forms
from django.forms.boundfield import BoundField
from django.forms.renderers import TemplatesSetting

WIDGET_CLASSES = {
    "textarea": "utrecht-textarea utrecht-textarea--html-textarea",
    "select": "utrecht-select utrecht-select--html-select",
    "selectmultiple": "utrecht-select utrecht-select--html-select",
    "checkbox": "utrecht-checkbox utrecht-checkbox--html-input",
    "radioselect": "utrecht-radio-button utrecht-radio-button--html-input",
    "checkboxselectmultiple": "utrecht-checkbox utrecht-checkbox--html-input",
}
TEXTBOX = "utrecht-textbox utrecht-textbox--html-input"


class AccessibleBoundField(BoundField):
    def build_widget_attrs(self, attrs, widget=None):
        attrs = super().build_widget_attrs(attrs, widget)
        widget = widget or self.field.widget
        # No maxlength in the browser: it would cut pasted text silently. The server
        # refuses too-long text with a message and gives everything back to edit.
        attrs["maxlength"] = False
        kind = widget.__class__.__name__.lower().removesuffix("input").removesuffix("widget")
        css = WIDGET_CLASSES.get(kind, TEXTBOX)
        if self.errors:
            css += " " + css.split()[0] + "--invalid"
        existing = attrs.get("class", "")
        attrs["class"] = f"{css} {existing}".strip()
        return attrs

    @property
    def renders_own_group(self) -> bool:
        """Widgets (like the availability grid) that draw their own inputs and labels."""
        return getattr(self.field.widget, "renders_own_group", False)

    @property
    def is_choice_list(self) -> bool:
        return isinstance(self.field.widget, forms.RadioSelect | forms.CheckboxSelectMultiple)


class FormRenderer(TemplatesSetting):
    form_template_name = "core/forms/form.html"
    field_template_name = "core/forms/field.html"
    bound_field_class = AccessibleBoundField


class TrimmedCharField(forms.CharField):
    """A CharField that strips whitespace and refuses control characters."""

    def to_python(self, value):
        value = super().to_python(value)
        return "".join(ch for ch in value if ch in "\n\t" or ch.isprintable())
