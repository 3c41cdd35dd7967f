#!/usr/bin/env python3
"""Launch to first answered invocation, and the RSS after it, of three builds of the gateway side by side: JDK 17
(Dockerfile.jvm), JDK 25 with an AOT cache trained on a served invocation (Dockerfile.jvm-aot) and the native
executable (Dockerfile.native). Each run is deploy/container/first-invocation.sh; the builds take turns within each
round, in an order that rotates, so every ratio compares runs made moments apart on the same machine.

  src/bench/startup/compare.py prepare      package the JVM builds into target/startup/ (and train the AOT cache);
                                            copies the native executable already in target/ (./mvnw package -Pnative)
  src/bench/startup/compare.py [RUNS]       measure (default 10 rounds after one warm-up round), write
                                            target/startup/results.md

Run from the project root. JDK17_HOME and JDK25_HOME name the JDKs (defaults: the Debian and Temurin paths).
"""
import os
import pathlib
import shutil
import socket
import statistics
import subprocess
import sys

ROOT = pathlib.Path.cwd()
OUT = ROOT / "target" / "startup"
SCRIPT = ROOT / "deploy" / "container" / "first-invocation.sh"
JDK17 = pathlib.Path(os.environ.get("JDK17_HOME", "/usr/lib/jvm/java-17-openjdk-amd64"))
JDK25 = pathlib.Path(os.environ.get("JDK25_HOME", "/usr/lib/jvm/temurin-25-jdk-amd64"))
# As the images run them (JAVA_TOOL_OPTIONS in the Dockerfiles).
JVM_OPTIONS = ["-XX:MaxRAMPercentage=75"]


def builds():
    runner = next(OUT.glob("native/*-runner"), None)
    return {
        "JDK 17, fast-jar": (OUT / "jdk17", [str(JDK17 / "bin" / "java"), *JVM_OPTIONS, "-jar", "quarkus-run.jar"]),
        "JDK 25, aot-jar + AOT cache trained on one invocation": (
            OUT / "jdk25-aot", [str(JDK25 / "bin" / "java"), *JVM_OPTIONS, "-XX:AOTCache=app.aot", "-jar", "quarkus-run.jar"]),
        "native executable": (OUT / "native", [f"./{runner.name}" if runner else "./missing-runner"]),
    }


def mvn(java_home, *args):
    subprocess.run(["./mvnw", "-B", "-q", "package", "-DskipTests", *args], check=True,
                   env={**os.environ, "JAVA_HOME": str(java_home)})


def prepare():
    shutil.rmtree(OUT, ignore_errors=True)
    mvn(JDK17)
    shutil.copytree(ROOT / "target" / "quarkus-app", OUT / "jdk17")
    mvn(JDK25, "-Dquarkus.package.jar.type=aot-jar")
    shutil.copytree(ROOT / "target" / "quarkus-app", OUT / "jdk25-aot")
    first_invocation(OUT / "jdk25-aot",
                     [str(JDK25 / "bin" / "java"), *JVM_OPTIONS, "-XX:AOTCacheOutput=app.aot", "-jar", "quarkus-run.jar"])
    if not (OUT / "jdk25-aot" / "app.aot").is_file():
        sys.exit("the training run wrote no AOT cache")
    runners = [p for p in (ROOT / "target").glob("*-runner") if os.access(p, os.X_OK)]
    if not runners:
        sys.exit("no native executable in target/: build it first with ./mvnw -B package -DskipTests -Pnative")
    (OUT / "native").mkdir(parents=True)
    shutil.copy2(runners[0], OUT / "native")
    print(f"prepared {', '.join(builds())} in {OUT}")


def free_port():
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def first_invocation(directory, command):
    ports = {"FIRST_INVOCATION_PORT": str(free_port()), "FIRST_INVOCATION_UPSTREAM_PORT": str(free_port())}
    done = subprocess.run(["bash", str(SCRIPT), str(directory), *command], capture_output=True, text=True, check=True,
                          env={**os.environ, **ports})
    millis, rss_kb = done.stdout.split()
    return int(millis), int(rss_kb) / 1024


def spread(values, digits=0):
    return " / ".join(f"{v:.{digits}f}" for v in (min(values), statistics.median(values), max(values)))


def measure(rounds):
    table = builds()
    for name, (directory, _) in table.items():
        if not directory.is_dir():
            sys.exit(f"{directory} is missing ({name}): run '{sys.argv[0]} prepare' first")
    names = list(table)
    runs = {name: [] for name in names}
    for round_number in range(rounds + 1):  # round 0 warms the disk cache and is not counted
        order = names[round_number % len(names):] + names[:round_number % len(names)]
        results = {name: first_invocation(*table[name]) for name in order}
        if round_number > 0:
            for name in names:
                runs[name].append(results[name])
    baseline = runs[names[0]]
    lines = ["| build | launch → first answer, ms (min / median / max) | RSS after it, MiB (min / median / max) "
             "| time vs JDK 17 (median of pairs, min–max) | RSS vs JDK 17 (median of pairs, min–max) |",
             "|---|---|---|---|---|"]
    for name in names:
        millis = [m for m, _ in runs[name]]
        rss = [r for _, r in runs[name]]
        time_ratios = [m / b[0] for (m, _), b in zip(runs[name], baseline)]
        rss_ratios = [r / b[1] for (_, r), b in zip(runs[name], baseline)]
        lines.append(f"| {name} | {spread(millis)} | {spread(rss)} | {statistics.median(time_ratios):.3g} "
                     f"({min(time_ratios):.3g}–{max(time_ratios):.3g}) | {statistics.median(rss_ratios):.2f} "
                     f"({min(rss_ratios):.2f}–{max(rss_ratios):.2f}) |")
    report = "\n".join(lines) + f"\n\n{rounds} rounds after one warm-up round; the builds take turns in a rotating order.\n"
    (OUT / "results.md").write_text(report)
    print(report)


if __name__ == "__main__":
    argument = sys.argv[1] if len(sys.argv) > 1 else "10"
    if argument == "prepare":
        prepare()
    elif argument.isdigit():
        measure(int(argument))
    else:
        sys.exit(__doc__)
