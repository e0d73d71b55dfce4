"""E-mail the change report over SMTP (STARTTLS and auth from the environment)."""

from __future__ import annotations

import os
import smtplib
import ssl
from email.message import EmailMessage

from netmap.config import ConfigError, NotifyOptions

SMTP_TIMEOUT = 20.0


def should_send(opts: NotifyOptions, has_changes: bool) -> bool:
    return bool(opts.recipients) and (
        opts.when == "always" or (opts.when == "changes" and has_changes)
    )


def send_report(opts: NotifyOptions, subject: str, text: str, html: str) -> None:
    """Send one message. Errors become ConfigError/OSError with no secret in the message."""
    msg = EmailMessage()
    msg["Subject"] = subject
    msg["From"] = opts.sender
    msg["To"] = ", ".join(opts.recipients)
    msg.set_content(text)
    msg.add_alternative(html, subtype="html")
    user = os.environ.get(opts.user_env) if opts.user_env else None
    password = os.environ.get(opts.password_env) if opts.password_env else None
    if opts.user_env and (user is None or password is None):
        raise ConfigError(f"notify: set {opts.user_env} and {opts.password_env} for SMTP auth")
    with smtplib.SMTP(opts.smtp_host, opts.smtp_port, timeout=SMTP_TIMEOUT) as smtp:
        if opts.starttls:
            smtp.starttls(context=ssl.create_default_context())
        if user is not None and password is not None:
            smtp.login(user, password)
        smtp.send_message(msg)
