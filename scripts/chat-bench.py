#!/usr/bin/env python3
"""Chat latency as a person sees it, inside tmux against ./anthropic mock-server (loopback only).

  spawn -> prompt ready: from starting `./anthropic chat` in a tmux pane to the prompt on screen
  Enter -> first answer byte: from sending Enter to the first character of the answer on screen
  stream first text: `./anthropic stream hi` from spawn to its first stdout byte (same server)

Screen times are polled with `tmux capture-pane` (a few ms per poll, so they read slightly high).
Usage: scripts/chat-bench.py [RUNS]   (default 10; prints medians and the spread)
"""
import os
import socket
import statistics
import subprocess
import sys
import tempfile
import time

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
RUNS = int(sys.argv[1]) if len(sys.argv) > 1 else 10
SOCK = os.path.join(tempfile.mkdtemp(prefix="chat-bench-tmux-"), "sock")  # tmux leaves it behind


def tmux(*args):
    # tmux exits at once without TERM (a cron job, a CI step): give it the usual one
    env = dict(os.environ)
    env.setdefault("TERM", "xterm-256color")
    r = subprocess.run(["tmux", "-S", SOCK, "-f", "/dev/null", *args],
                       capture_output=True, text=True, env=env)
    return r.stdout + r.stderr



def free_port():
    s = socket.socket()
    s.bind(("127.0.0.1", 0))
    port = s.getsockname()[1]
    s.close()
    return port


def wait_screen(session, text, deadline=20.0):
    end = time.monotonic() + deadline
    while time.monotonic() < end:
        if text in tmux("capture-pane", "-p", "-t", session):
            return time.monotonic()
    raise SystemExit("timed out waiting for %r; screen:\n%s"
                     % (text, tmux("capture-pane", "-p", "-t", session)))


def main():
    port = free_port()
    home = tempfile.mkdtemp(prefix="chat-bench-")
    env = dict(os.environ)
    for k in list(env):
        if k.startswith("ANTHROPIC_"):
            del env[k]
    env.update(HOME=home, XDG_CONFIG_HOME=home + "/config", XDG_CACHE_HOME=home + "/cache",
               XDG_DATA_HOME=home + "/data", XDG_STATE_HOME=home + "/state",
               ANTHROPIC_BASE_URL="http://127.0.0.1:%d" % port, ANTHROPIC_API_KEY="bench")
    mock = subprocess.Popen([ROOT + "/anthropic", "mock-server", "--port", str(port)],
                            stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, env=env)
    mock.stdout.readline()
    exports = " ".join("%s='%s'" % (k, env[k]) for k in
                       ("HOME", "XDG_CONFIG_HOME", "XDG_CACHE_HOME", "XDG_DATA_HOME",
                        "XDG_STATE_HOME", "ANTHROPIC_BASE_URL", "ANTHROPIC_API_KEY"))
    ready, first = [], []
    try:
        subprocess.run([ROOT + "/anthropic", "stream", "warm up"], env=env,
                       capture_output=True)  # builds the jar and its start-up archive if needed
        for i in range(RUNS + 1):
            session = "b%d" % i
            t0 = time.monotonic()
            out = tmux("new-session", "-d", "-s", session, "-x", "120", "-y", "30",
                       "env %s %s/anthropic chat; sleep 60" % (exports, ROOT))
            if out.strip():
                print("tmux new-session: " + out.strip(), file=sys.stderr)
            t1 = wait_screen(session, "Ctrl-D to quit\n>")
            tmux("send-keys", "-t", session, "-l", "hello %d" % i)
            wait_screen(session, "> hello %d" % i)
            t2 = time.monotonic()
            tmux("send-keys", "-t", session, "Enter")
            t3 = wait_screen(session, "mock answer")
            tmux("kill-session", "-t", session)
            if i > 0:  # the first run warms the disk cache
                ready.append(t1 - t0)
                first.append(t3 - t2)
        stream = []
        for i in range(RUNS):
            t0 = time.monotonic()
            p = subprocess.Popen([ROOT + "/anthropic", "stream", "hello"], env=env,
                                 stdout=subprocess.PIPE, stderr=subprocess.DEVNULL)
            p.stdout.read(1)
            stream.append(time.monotonic() - t0)
            p.stdout.read()
            p.wait()
    finally:
        tmux("kill-server")
        mock.terminate()

    def show(name, xs):
        xs = sorted(x * 1000 for x in xs)
        print("%-34s median %4.0f ms  (min %4.0f, max %4.0f, %d runs)"
              % (name, statistics.median(xs), xs[0], xs[-1], len(xs)))

    show("chat: spawn -> prompt ready", ready)
    show("chat: Enter -> first answer byte", first)
    show("stream: spawn -> first text byte", stream)


if __name__ == "__main__":
    main()
