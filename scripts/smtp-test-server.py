#!/usr/bin/env python3
"""A real SMTP server on loopback for Probity's e-mail delivery tests (aiosmtpd).

Writes each accepted message to DIR/messages/ as JSON, and DIR/ready (holding the port) once
it listens. Behaviours for the tests: refuse recipients or data with a given reply, or vanish
(the process exits) once the data has arrived but before answering it.
"""
import argparse
import json
import os
import signal
import ssl
import sys
import time
import uuid

from aiosmtpd.controller import Controller
from aiosmtpd.smtp import AuthResult

parser = argparse.ArgumentParser()
parser.add_argument("--dir", required=True)
parser.add_argument("--host", default="127.0.0.1")
parser.add_argument("--port", type=int, default=0)
parser.add_argument("--rcpt-reply", help='e.g. "550 5.1.1 No such user"')
parser.add_argument("--data-reply", help='e.g. "451 4.3.0 Try again later"')
parser.add_argument("--die-in-data", action="store_true", help="exit when the data arrives, without answering")
parser.add_argument("--auth", help="user:password; AUTH is then required")
parser.add_argument("--tls-cert")
parser.add_argument("--tls-key")
args = parser.parse_args()
# A parent may have blocked these (test runners do); the server must still stop when told.
signal.pthread_sigmask(signal.SIG_UNBLOCK, {signal.SIGTERM, signal.SIGINT})

messages = os.path.join(args.dir, "messages")
os.makedirs(messages, exist_ok=True)


class Handler:
    async def handle_RCPT(self, server, session, envelope, address, rcpt_options):
        if args.rcpt_reply:
            return args.rcpt_reply
        envelope.rcpt_tos.append(address)
        return "250 OK"

    async def handle_DATA(self, server, session, envelope):
        if args.die_in_data:
            os._exit(3)
        if args.data_reply:
            return args.data_reply
        record = {
            "from": envelope.mail_from,
            "to": envelope.rcpt_tos,
            "data": envelope.content.decode("utf-8", "replace"),
            "login": getattr(session, "probity_login", None),
            "tls": session.ssl is not None,
        }
        name = os.path.join(messages, f"{time.time_ns()}-{uuid.uuid4().hex}.json")
        with open(name + ".tmp", "w") as f:
            json.dump(record, f)
        os.rename(name + ".tmp", name)
        return "250 2.0.0 Message accepted"


def authenticator(server, session, envelope, mechanism, auth_data):
    user, _, password = args.auth.partition(":")
    ok = auth_data.login.decode() == user and auth_data.password.decode() == password
    if ok:
        session.probity_login = user
    return AuthResult(success=ok)


port = args.port
if port == 0:
    import socket
    with socket.socket() as s:
        s.bind((args.host, 0))
        port = s.getsockname()[1]

options = {}
if args.auth:
    options.update(authenticator=authenticator, auth_required=True, auth_require_tls=bool(args.tls_cert))
if args.tls_cert:
    context = ssl.create_default_context(ssl.Purpose.CLIENT_AUTH)
    context.load_cert_chain(args.tls_cert, args.tls_key)
    options.update(tls_context=context, require_starttls=True)

controller = Controller(Handler(), hostname=args.host, port=port, **options)
controller.start()
with open(os.path.join(args.dir, "ready.tmp"), "w") as f:
    f.write(str(port))
os.rename(os.path.join(args.dir, "ready.tmp"), os.path.join(args.dir, "ready"))
try:
    while True:
        time.sleep(3600)
except KeyboardInterrupt:
    pass
finally:
    controller.stop()
