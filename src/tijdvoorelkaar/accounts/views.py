from django.contrib import messages
from django.contrib.auth import authenticate, login, logout
from django.contrib.auth.decorators import login_required
from django.shortcuts import redirect, render
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from tijdvoorelkaar.areas.models import Area
from tijdvoorelkaar.core.access import area_view
from tijdvoorelkaar.core.net import client_ip

from . import services
from .forms import LinkRequestForm, PasswordSignInForm, SignUpForm

THROTTLED = _(
    "U heeft in korte tijd te vaak een link gevraagd. Wacht een minuut en probeer "
    "het dan opnieuw. Lukt het niet? Bel de sociaal makelaar."
)


def client_key(request) -> str:
    return client_ip(request) or "onbekend"


def safe_next(request, area: Area) -> str:
    target = request.POST.get("next") or request.GET.get("next") or ""
    if target and url_has_allowed_host_and_scheme(
        target, allowed_hosts={request.get_host()}, require_https=request.is_secure()
    ):
        return target
    return f"/{area.slug}/mijn/"


def sign_in_global(request):
    areas = list(Area.objects.all())
    if len(areas) == 1:
        return redirect("accounts:sign_in", areas[0].slug)
    return render(request, "accounts/choose_area.html", {"areas": areas})


@area_view()
def sign_up(request, area):
    if request.user.is_authenticated:
        return redirect("marketplace:my_page", area.slug)
    form = SignUpForm(request.POST or None, area=area)
    if request.method == "POST" and form.is_valid():
        try:
            services.request_sign_up(
                first_name=form.cleaned_data["first_name"],
                email=form.cleaned_data["email"],
                neighbourhood=form.cleaned_data["neighbourhood"],
                area=area,
                base_url=request.build_absolute_uri("/"),
                client_key=client_key(request),
                newsletter=form.cleaned_data.get("newsletter", False),
            )
        except services.Throttled:
            form.add_error(None, THROTTLED)
        else:
            return render(request, "accounts/check_email.html", {"signup": True})
    return render(
        request, "accounts/sign_up.html", {"form": form}, status=400 if form.errors else 200
    )


@area_view()
def sign_in(request, area):
    link_form = LinkRequestForm(request.POST if request.POST.get("method") == "link" else None)
    password_form = PasswordSignInForm(
        request.POST if request.POST.get("method") == "password" else None
    )
    next_url = safe_next(request, area)
    if request.method == "POST" and link_form.is_bound and link_form.is_valid():
        try:
            services.request_sign_in_link(
                email=link_form.cleaned_data["email"],
                area=area,
                base_url=request.build_absolute_uri("/"),
                client_key=client_key(request),
            )
        except services.Throttled:
            link_form.add_error(None, THROTTLED)
        else:
            return render(request, "accounts/check_email.html", {"signup": False})
    if request.method == "POST" and password_form.is_bound and password_form.is_valid():
        email = password_form.cleaned_data["email"]
        try:
            services.check_password_throttle(email, client_key(request))
        except services.Throttled:
            password_form.add_error(
                None,
                _(
                    "Te veel pogingen. Probeer het over een kwartier "
                    "opnieuw, of log in met een link per e-mail."
                ),
            )
        else:
            user = authenticate(
                request, email=email, password=password_form.cleaned_data["password"]
            )
            if user is not None:
                login(request, user)
                services.after_sign_in(request, user, method="wachtwoord")
                return redirect(next_url)
            password_form.add_error(
                None,
                _(
                    "Dit e-mailadres en wachtwoord horen niet bij "
                    "elkaar. Of log in met een link per e-mail."
                ),
            )
    status = 400 if (link_form.errors or password_form.errors) else 200
    return render(
        request,
        "accounts/sign_in.html",
        {
            "link_form": link_form,
            "password_form": password_form,
            "next": next_url,
        },
        status=status,
    )


@area_view()
def use_link(request, area, token):
    """GET shows a button (mail scanners that follow links must not use it up); POST signs in."""
    try:
        link = services.peek_token(token, area)
        if request.method == "POST":
            user = services.redeem_token(token, area)
            login(request, user, backend="tijdvoorelkaar.accounts.backends.EmailBackend")
            services.after_sign_in(request, user, method="link")
            messages.success(request, _("U bent ingelogd. Welkom!"))
            return redirect(safe_next(request, area))
    except services.InvalidLink:
        return render(request, "accounts/link_invalid.html", status=400)
    return render(request, "accounts/use_link.html", {"link": link})


@require_POST
@area_view()
def sign_out(request, area):
    logout(request)
    messages.success(request, _("U bent uitgelogd."))
    return redirect("pages:area_home", area.slug)


@login_required
def two_factor(request):
    """Second step for staff: link an authenticator app (first time) or enter its code."""
    from io import BytesIO

    import segno

    from . import totp
    from . import two_factor as tf
    from .forms import TwoFactorForm

    device = tf.device_for(request.user)
    form = TwoFactorForm(request.POST or None)
    target = request.POST.get("next") or request.GET.get("next") or "/"
    if not url_has_allowed_host_and_scheme(target, allowed_hosts={request.get_host()}):
        target = "/"
    if request.method == "POST" and form.is_valid():
        try:
            tf.verify(request, form.cleaned_data["code"])
        except tf.CodeRefused as exc:
            form.add_error("code", str(exc))
        else:
            return redirect(target)
    context = {"form": form, "next": target, "setup": device.confirmed_at is None}
    if context["setup"]:
        uri = totp.provisioning_uri(device.secret, request.user.email or str(request.user.pk))
        svg = BytesIO()
        segno.make(uri, error="m").save(
            svg, kind="svg", xmldecl=False, scale=5, title=_("QR-code voor uw authenticator-app")
        )
        context.update(
            {
                "qr_svg": svg.getvalue().decode(),
                "uri": uri,
                "secret_groups": " ".join(
                    device.secret[i : i + 4] for i in range(0, len(device.secret), 4)
                ),
            }
        )
    return render(request, "accounts/two_factor.html", context, status=400 if form.errors else 200)
