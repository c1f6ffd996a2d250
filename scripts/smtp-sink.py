#!/usr/bin/python3
"""A real SMTP server on 127.0.0.1 that stores each message it accepts as a file.

Usage: smtp-sink.py --dir DIR [--port PORT]

Each message is written to DIR/<time>-<n>.eml (the raw message, preceded by X-Sink-Rcpt-To headers naming the
envelope recipients). The line "READY <port>" on stdout says the server listens. Needs Debian's python3-aiosmtpd
(scripts/setup-machine.sh installs it). Used by the Communications tests and for local development
(Communications:Smtp:Port defaults to 2525).
"""
import argparse
import os
import signal
import sys
import threading
import time

from aiosmtpd.controller import Controller


class FileHandler:
    def __init__(self, folder):
        self.folder = folder
        self.count = 0
        self.lock = threading.Lock()

    async def handle_DATA(self, server, session, envelope):
        with self.lock:
            self.count += 1
            name = f"{time.time_ns()}-{self.count}.eml"
        headers = "".join(f"X-Sink-Rcpt-To: {r}\r\n" for r in envelope.rcpt_tos)
        content = envelope.original_content or envelope.content
        if isinstance(content, str):
            content = content.encode("utf-8")
        temp = os.path.join(self.folder, name + ".tmp")
        with open(temp, "wb") as f:
            f.write(headers.encode("ascii", "replace"))
            f.write(content)
        os.replace(temp, os.path.join(self.folder, name))
        return "250 Message accepted for delivery"


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--dir", required=True)
    parser.add_argument("--port", type=int, default=2525)
    args = parser.parse_args()
    os.makedirs(args.dir, exist_ok=True)
    controller = Controller(FileHandler(args.dir), hostname="127.0.0.1", port=args.port)
    controller.start()
    print(f"READY {args.port}", flush=True)
    stop = threading.Event()
    signal.signal(signal.SIGTERM, lambda *_: stop.set())
    signal.signal(signal.SIGINT, lambda *_: stop.set())
    try:
        while not stop.is_set():
            stop.wait(1)
    finally:
        controller.stop()
    return 0


if __name__ == "__main__":
    sys.exit(main())
