"""Forms of our account pages (allauth's flows use allauth's forms)."""

from __future__ import annotations

from django import forms


class NameForm(forms.Form):
    name = forms.CharField(label="Display name", max_length=150, required=True, strip=True)


class MagicLinkRequestForm(forms.Form):
    email = forms.EmailField(label="Email address", max_length=254, widget=forms.EmailInput(attrs={"autocomplete": "email"}))


class MagicCodeForm(forms.Form):
    code = forms.CharField(
        label="Sign-in code",
        max_length=16,
        widget=forms.TextInput(attrs={"autocomplete": "one-time-code", "autocapitalize": "characters", "spellcheck": "false"}),
    )


class DeleteAccountForm(forms.Form):
    confirm_email = forms.EmailField(label="Type your email address to confirm", max_length=254)

    def __init__(self, *args, user, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.user = user

    def clean_confirm_email(self) -> str:
        value = self.cleaned_data["confirm_email"].strip()
        if value.lower() != self.user.email.lower():
            raise forms.ValidationError("That isn't your account's email address.")
        return value
