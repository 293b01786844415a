from django.contrib import messages
from django.contrib.auth import login, logout
from django.contrib.auth.decorators import login_required
from django.shortcuts import redirect, render
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from tijdvoorelkaar.areas.models import Area
from tijdvoorelkaar.core.access import area_view
from tijdvoorelkaar.core.formviews import handle_form, render_form
from tijdvoorelkaar.core.net import client_ip

from . import services
from .forms import LinkRequestForm, PasswordSignInForm, SignUpForm


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
    done = handle_form(
        request,
        form,
        lambda data: services.request_sign_up(
            first_name=data["first_name"],
            email=data["email"],
            neighbourhood=data["neighbourhood"],
            area=area,
            base_url=request.build_absolute_uri("/"),
            client_key=client_key(request),
            newsletter=data.get("newsletter", False),
        ),
        # The same page whether the address is new or already known.
        success=lambda _none: render(request, "accounts/check_email.html", {"signup": True}),
    )
    return done or render_form(request, "accounts/sign_up.html", {"form": form}, form)


@area_view()
def sign_in(request, area):
    """Two forms on one page: a link by email, or an address and password."""
    method = request.POST.get("method")
    link_form = LinkRequestForm(request.POST if method == "link" else None)
    password_form = PasswordSignInForm(request.POST if method == "password" else None)
    next_url = safe_next(request, area)
    done = handle_form(
        request,
        link_form,
        lambda data: services.request_sign_in_link(
            email=data["email"],
            area=area,
            base_url=request.build_absolute_uri("/"),
            client_key=client_key(request),
        ),
        # The same page for known and unknown addresses.
        success=lambda _none: render(request, "accounts/check_email.html", {"signup": False}),
    ) or handle_form(
        request,
        password_form,
        lambda data: services.sign_in_with_password(
            request, email=data["email"], password=data["password"], client_key=client_key(request)
        ),
        success=next_url,
    )
    return done or render_form(
        request,
        "accounts/sign_in.html",
        {"link_form": link_form, "password_form": password_form, "next": next_url},
        link_form,
        password_form,
    )


@area_view()
def use_link(request, area, token):
    """GET shows a button (mail scanners that follow links must not use it up); POST signs in
    and lands on what the person wrote before they had an account, if anything."""
    try:
        link = services.peek_token(token, area)
        if request.method == "POST":
            redeemed = services.redeem_token(token, area)
            login(request, redeemed.user, backend="tijdvoorelkaar.accounts.backends.EmailBackend")
            services.after_sign_in(request, redeemed.user, method="link")
            messages.success(request, _("U bent ingelogd. Welkom!"))
            return redirect(redeemed.landing or safe_next(request, area))
    except services.InvalidLink:
        return link_invalid(request, area, token)
    return render(request, "accounts/use_link.html", {"link": link})


def link_invalid(request, area, token):
    """A used or expired link. A sign-up link that ran out recently can be sent again with
    everything the person typed (POST with resend)."""
    resendable = services.resendable_sign_up(token, area) is not None
    if resendable and request.method == "POST" and request.POST.get("resend"):
        try:
            services.resend_sign_up(
                token,
                area,
                base_url=request.build_absolute_uri("/"),
                client_key=client_key(request),
            )
        except services.Throttled as refused:
            messages.error(request, refused.message)
        except services.InvalidLink:
            pass
        else:
            return render(request, "accounts/check_email.html", {"signup": True})
    return render(request, "accounts/link_invalid.html", {"resendable": resendable}, status=400)


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
    done = handle_form(request, form, lambda data: tf.verify(request, data["code"]), success=target)
    if done:
        return done
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
    return render_form(request, "accounts/two_factor.html", context, form)
