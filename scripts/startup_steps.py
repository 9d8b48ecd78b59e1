#!/usr/bin/env python3
"""Start-up, step by step: what each launcher ingredient is worth, measured in one interleaved run.

Started by `scripts/bench.sh steps [N]`. Starts the yardstick's fake server (compiled from the
copied harness) on 127.0.0.1, then runs every variant N times, interleaved (variant 1, 2, ..., then
again), each as a fresh process with stdin and stdout on /dev/null, and prints a Markdown table of
wall time, CPU time (user+sys, all threads) and peak RSS, medians with the min-max range.

Extra variants can be given as LABEL=COMMAND arguments (run through the shell).
"""
import argparse
import os
import shutil
import signal
import statistics
import subprocess
import sys
import tempfile
import time
import urllib.request

# The launcher's JVM flags (see ../anthropic), spelled out to measure them without the launcher.
FLAGS = ("-XX:+UseSerialGC -XX:TieredStopAtLevel=1 -Xss1m -Xms16m -XX:-UsePerfData -Xshare:auto"
         " -Xlog:disable -Xlog:all=error:stderr")


def start_server(bench, tmp):
    build = os.path.join(bench, ".build", "fakeserver")
    src = os.path.join(bench, "fakeserver", "FakeServer.java")
    cls = os.path.join(build, "FakeServer.class")
    if not os.path.exists(cls) or os.path.getmtime(src) > os.path.getmtime(cls):
        os.makedirs(build, exist_ok=True)
        subprocess.run(["javac", "-d", build, src], check=True)
    port_file = os.path.join(tmp, "port")
    server = subprocess.Popen(
        ["java", "-Xmx256m", "-XX:+UseSerialGC", "-cp", build, "FakeServer", "--port", "0",
         "--port-file", port_file, "--results-dir", tmp, "--results-mb", "1"],
        stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    for _ in range(300):
        if os.path.exists(port_file) and open(port_file).read().strip():
            break
        if server.poll() is not None:
            sys.exit("steps: fake server died")
        time.sleep(0.1)
    url = "http://127.0.0.1:" + open(port_file).read().strip()
    for _ in range(200):  # warm the server's JIT, so it is never the bottleneck
        req = urllib.request.Request(url + "/v1/messages", method="POST",
                                     data=b'{"model":"m","max_tokens":5,"messages":[]}',
                                     headers={"content-type": "application/json"})
        urllib.request.urlopen(req).read()
    return server, url


def run_once(cmd, env):
    t0 = time.perf_counter()
    p = subprocess.Popen(cmd, shell=True, env=env, stdin=subprocess.DEVNULL,
                         stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    _, status, ru = os.wait4(p.pid, 0)
    wall = time.perf_counter() - t0
    err = p.stderr.read().decode(errors="replace")
    p.stderr.close()
    p.returncode = os.waitstatus_to_exitcode(status)
    return wall, ru.ru_utime + ru.ru_stime, ru.ru_maxrss / 1024, p.returncode, err


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--bench", required=True)
    ap.add_argument("--root", required=True)
    ap.add_argument("-n", type=int, default=15)
    ap.add_argument("extra", nargs="*", help="LABEL=COMMAND")
    a = ap.parse_args()

    jar = os.path.join(a.root, "target", "anthropic-cli.jar")
    launcher = os.path.join(a.root, "anthropic")
    home = os.environ.get("JAVA_HOME", "")
    key = "." + "".join(c if c.isalnum() else "_" for c in home) if home else ""
    archive = os.path.join(a.root, "target", f"anthropic-cli{key}.jsa")
    variants = [
        ("java -jar, no flags", f"java -jar {jar} messages hi"),
        ("+ launcher flags", f"java {FLAGS} -jar {jar} messages hi"),
        ("+ start-up archive", f"java {FLAGS} -XX:SharedArchiveFile={archive} -jar {jar} messages hi"),
        ("launcher (all of it)", f"{launcher} messages hi"),
        ("launcher, with an option (picocli)", f"{launcher} messages --format text hi"),
        ("java -jar --version, no flags", f"java -jar {jar} --version"),
        ("launcher --version", f"{launcher} --version"),
    ]
    peer_jar = os.path.join(a.bench, "peers", "java-sdk", "target", "java-sdk-peer-all.jar")
    if os.path.exists(peer_jar):
        variants.append(("peer: Java SDK, one call", f"java -jar {peer_jar} message 1"))
    peer_ts = os.path.join(a.bench, "peers", "ts-sdk")
    if os.path.isdir(os.path.join(peer_ts, "node_modules")) and shutil.which("node"):
        variants.append(("peer: TS SDK, one call", f"node {os.path.join(peer_ts, 'bench.mjs')} message 1"))
    for e in a.extra:
        label, cmd = e.split("=", 1)
        variants.append((label, cmd))

    tmp = tempfile.mkdtemp(prefix="anthropic-steps-")
    server, url = start_server(a.bench, tmp)
    try:
        env = dict(os.environ, ANTHROPIC_BASE_URL=url, ANTHROPIC_API_KEY="sk-bench",
                   XDG_CONFIG_HOME=tmp)
        for label, cmd in variants:  # one untimed run each: page cache, archives
            run_once(cmd, env)
        res = {label: [] for label, _ in variants}
        for _ in range(a.n):
            for label, cmd in variants:
                wall, cpu, rss, rc, err = run_once(cmd, env)
                if rc != 0:
                    print(f"steps: '{label}' exited {rc}: {err.strip()[-300:]}", file=sys.stderr)
                res[label].append((wall, cpu, rss))
    finally:
        server.send_signal(signal.SIGTERM)
        server.wait()
        shutil.rmtree(tmp, ignore_errors=True)

    print(f"{a.n} interleaved runs each, fake server on {url}, {os.cpu_count()} cores; "
          "medians, min-max in brackets\n")
    print("| variant | wall ms | CPU ms | peak RSS MiB |")
    print("|---|---|---|---|")
    for label, _ in variants:
        w = [r[0] * 1000 for r in res[label]]
        c = [r[1] * 1000 for r in res[label]]
        m = [r[2] for r in res[label]]
        print(f"| {label} | {statistics.median(w):.0f} ({min(w):.0f}–{max(w):.0f}) "
              f"| {statistics.median(c):.0f} | {statistics.median(m):.0f} |")


if __name__ == "__main__":
    main()
