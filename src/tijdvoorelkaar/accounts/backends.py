from django.contrib.auth.backends import ModelBackend

from .models import User, normalise_email


class EmailBackend(ModelBackend):
    """Password sign-in by case-insensitive email; users without a password cannot use it."""

    def authenticate(self, request, email=None, password=None, **kwargs):
        email = normalise_email(email or kwargs.get("username"))
        if not email or not password:
            return None
        try:
            user = User.objects.get(email=email)
        except User.DoesNotExist:
            User().set_password(password)  # same work whether or not the user exists
            return None
        if user.has_usable_password() and user.check_password(password):
            return user if self.user_can_authenticate(user) else None
        return None
