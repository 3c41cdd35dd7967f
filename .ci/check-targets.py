#!/usr/bin/env python3
"""Checks what the builds cannot test themselves: that deploy/ matches what each build produces (the native
executables are checked by their own integration tests). Run from the project root after the build named in each
command:

  check-targets.py yaml                  every YAML file under deploy/ parses
  check-targets.py sam funqy|http-api    deploy/aws/<flavour>/ against target/sam.*.yaml of a -Plambda / -Plambda-http build
  check-targets.py knative               deploy/knative/service.yaml against target/kubernetes/knative.yml
  check-targets.py containers            what the JVM Dockerfiles copy exists after a plain `package`
"""
import pathlib
import sys
import zipfile

import yaml

# Annotations that say when and from which commit a build ran.
VOLATILE_ANNOTATIONS = {"app.quarkus.io/build-timestamp", "app.quarkus.io/commit-id", "app.quarkus.io/vcs-uri"}


class CloudFormationLoader(yaml.SafeLoader):
    """Reads CloudFormation's short tags (!Sub, !Ref, ...) as plain values."""


CloudFormationLoader.add_multi_constructor("!", lambda loader, suffix, node: (
    loader.construct_scalar(node) if isinstance(node, yaml.ScalarNode) else loader.construct_sequence(node)
    if isinstance(node, yaml.SequenceNode) else loader.construct_mapping(node)))


def load_all(path):
    with open(path) as file:
        return [doc for doc in yaml.load_all(file, Loader=CloudFormationLoader) if doc is not None]


def function_of(template_path):
    resources = load_all(template_path)[0]["Resources"]
    functions = [r["Properties"] for r in resources.values() if r["Type"] == "AWS::Serverless::Function"]
    if len(functions) != 1:
        sys.exit(f"{template_path}: expected one function, found {len(functions)}")
    return functions[0]


def check(condition, message):
    if not condition:
        sys.exit("check-targets: " + message)


def check_yaml():
    files = sorted(p for p in pathlib.Path("deploy").rglob("*") if p.suffix in (".yaml", ".yml"))
    for path in files:
        check(load_all(path), f"{path} holds no YAML document")
    print(f"deploy YAML: {len(files)} files parse")


def check_sam(flavour):
    for packaging in ("jvm", "native"):
        ours_path = pathlib.Path(f"deploy/aws/{flavour}/template-{packaging}.yaml")
        ours, generated = function_of(ours_path), function_of(f"target/sam.{packaging}.yaml")
        code = (ours_path.parent / ours["CodeUri"]).resolve()
        check(code == pathlib.Path("target/function.zip").resolve() and code.is_file(),
              f"{ours_path}: CodeUri {ours['CodeUri']} is not the built target/function.zip")
        variables = ours["Environment"]["Variables"]
        check(variables["FAL_KEY"].startswith("{{resolve:secretsmanager:"), f"{ours_path}: FAL_KEY must come from the secret")
        if packaging == "jvm":
            for key in ("Handler", "Runtime"):
                check(ours[key] == generated[key], f"{ours_path}: {key} {ours[key]} but the build says {generated[key]}")
            check(ours["SnapStart"]["ApplyOn"] == "PublishedVersions", f"{ours_path}: SnapStart is off")
        else:
            # Quarkus's Funqy sam.native.yaml still names the retired `provided` runtime; Amazon Linux 2023 replaces it.
            check(ours["Runtime"] == "provided.al2023", f"{ours_path}: the native runtime must be provided.al2023")
            check(variables.get("DISABLE_SIGNAL_HANDLERS") == "true", f"{ours_path}: DISABLE_SIGNAL_HANDLERS must be set")
    with zipfile.ZipFile("target/function.zip") as zip_file:
        names = zip_file.namelist()
        # A JVM build zips the runner jar and its lib/; a native build its executable, named bootstrap for provided.al2023.
        check("bootstrap" in names or any(name.endswith(".jar") for name in names), "target/function.zip holds neither a jar nor a bootstrap")
    print(f"deploy/aws/{flavour}: handler, runtime and code match the build")


def without_volatile(document):
    """Drops the build's own annotations, and sorts env lists: Quarkus writes the variables in no fixed order."""
    if isinstance(document, dict):
        return {k: sorted(without_volatile(v), key=lambda e: e["name"]) if k == "env" else without_volatile(v)
                for k, v in document.items() if k not in VOLATILE_ANNOTATIONS}
    if isinstance(document, list):
        return [without_volatile(v) for v in document]
    return document


def check_knative():
    ours = without_volatile(load_all("deploy/knative/service.yaml"))
    generated = without_volatile(load_all("target/kubernetes/knative.yml"))
    check(ours == generated, "deploy/knative/service.yaml differs from target/kubernetes/knative.yml: copy the generated one")
    # SIGTERM'd pods drain: the longest deadline must end within the drain, and the drain within Knative's grace period.
    pod = ours[0]["spec"]["template"]["spec"]
    env = {e["name"]: e.get("value") for e in pod["containers"][0]["env"]}
    deadline, drain = seconds(env["GATEWAY_INVOCATION_TIMEOUT_MAX"]), seconds(env["QUARKUS_SHUTDOWN_TIMEOUT"])
    check(deadline < drain < pod["timeoutSeconds"],
          f"deadline {deadline} s < drain {drain} s < timeoutSeconds {pod['timeoutSeconds']} (the grace period) does not hold")
    print(f"deploy/knative/service.yaml matches the generated manifest; deadline {deadline} s < drain {drain} s < grace "
          f"{pod['timeoutSeconds']} s")


def seconds(duration):
    check(duration.endswith("s") and duration[:-1].isdigit(), f"{duration}: write durations in whole seconds, e.g. 300s")
    return int(duration[:-1])


def check_containers():
    for dockerfile in sorted(pathlib.Path("deploy/container").glob("Dockerfile.jvm*")):
        copies = [line.split()[1:-1] for line in dockerfile.read_text().splitlines() if line.startswith("COPY ")]
        sources = [source for sources in copies for source in sources if not source.startswith("--")]
        check(sources, f"{dockerfile} copies nothing")
        absent = [source for source in sources if not list(pathlib.Path().glob(source.rstrip("/")))]
        check(not absent, f"{dockerfile} copies what the build does not produce: {absent}")
    print("deploy/container: the JVM images copy what the build produces")


if __name__ == "__main__":
    command, *rest = sys.argv[1:] or ["help"]
    commands = {"yaml": check_yaml, "sam": check_sam, "knative": check_knative, "containers": check_containers}
    if command not in commands:
        sys.exit(__doc__)
    commands[command](*rest)
