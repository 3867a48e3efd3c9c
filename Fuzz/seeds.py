#!/usr/bin/env python3
"""Writes the seed corpus of one fuzz target, made from samples/ each time
(so the seeds follow the samples as they change).

    python3 Fuzz/seeds.py TARGET FOLDER

Each seed is in the input format its target reads (see the comment at the
top of Fuzz/Sources/fuzz-TARGET/*.swift).
"""
import hashlib
import pathlib
import re
import sys

ROOT = pathlib.Path(__file__).resolve().parent.parent
SAMPLES = ROOT / "samples"
ATTRIBUTE = re.compile(r'([A-Za-z_][\w:.-]*)\s*=\s*"([^"]*)"')
TIME_ATTRIBUTES = {"year", "yday", "mon", "mday", "week", "mweek", "wday", "hour", "minute", "minute-of-day",
                   "time-of-day", "time", "date-time", "date_time", "sunmontuewedthufrisat"}


def xml_files():
    return sorted(SAMPLES.rglob("*.xml"))


def scenario_files():
    return sorted(SAMPLES.rglob("*.scenario.yaml"))


def scenarios_of(script):
    """The scenarios of a call sample: NAME.scenario.yaml and NAME.*.scenario.yaml."""
    stem = script.name[:-len(".xml")]
    return [s for s in scenario_files() if s.parent == script.parent
            and (s.name == stem + ".scenario.yaml" or s.name.startswith(stem + "."))]


def yaml_value(text, key):
    match = re.search(r'^\s*%s:\s*"?([^"\n#]*)"?' % re.escape(key), text, re.M)
    return match.group(1).strip() if match else None


def xml_seeds():
    for path in xml_files():
        yield path.read_bytes()


def template_seeds():
    values = set()
    for path in xml_files():
        text = path.read_text(errors="replace")
        values.update(value for _, value in ATTRIBUTE.findall(text))
        values.update(t.strip() for t in re.findall(r">([^<>]+)<", text) if t.strip())
    for value in sorted(values):
        yield value.encode() + b"\0" + b"4242\0Alice Smith\0" if ("{" in value or "$" in value) else value.encode()


def dial_seeds():
    patterns, numbers = set(), set()
    for path in sorted(SAMPLES.rglob("*.yaml")):
        text = path.read_text(errors="replace")
        patterns.update(re.findall(r'(?:allow|deny):\s*"([^"]*)"', text))
        for listed in re.findall(r"emergency:\s*\[([^\]]*)\]", text):
            patterns.update(item.strip().strip('"') for item in listed.split(","))
        numbers.update(re.findall(r'^\s*"?(\+?[0-9*#]{3,})"?\s*:', text, re.M))
    for path in xml_files():
        numbers.update(re.findall(r"<Number[^>]*>\s*([^<\s]+)\s*<", path.read_text(errors="replace")))
        numbers.update(re.findall(r"<Dial[^>]*>\s*([+0-9*#]+)\s*<", path.read_text(errors="replace")))
    numbers = sorted(numbers)
    for i, pattern in enumerate(sorted(patterns)):
        for number in numbers[i % len(numbers):][:4] + ["", "0" * 63]:
            yield (pattern + "\n" + number).encode()


def directory_seeds():
    for path in sorted(SAMPLES.rglob("*.yaml")):
        if not path.name.endswith(".scenario.yaml"):
            yield path.read_bytes()


def scenario_seeds():
    for script in xml_files():
        for scenario in scenarios_of(script):
            yield b"# script: " + script.name.encode() + b"\n" + scenario.read_bytes()


def time_seeds():
    starts = set()
    for scenario in scenario_files():
        text = scenario.read_text(errors="replace")
        start = yaml_value(text, "start")
        if start:
            starts.add((start, yaml_value(text, "timezone") or "UTC"))
    starts = sorted(starts) or [("2026-01-05T09:30:00Z", "UTC")]
    tests = []
    for path in xml_files():
        for tag in re.findall(r"<Condition\b([^>]*)>", path.read_text(errors="replace")):
            found = [(name, value) for name, value in ATTRIBUTE.findall(tag) if name in TIME_ATTRIBUTES]
            if found:
                tests.append(found)
    # Every test once, even those no sample uses yet.
    synthesized = {"year": "2026", "yday": "1-7", "mon": "1,12", "mday": "31", "week": "1-2", "mweek": "5",
                   "wday": "1-7", "hour": "0-11", "minute": "30-59", "minute-of-day": "1-720", "time-of-day": "00:00-12:00",
                   "date-time": "2026-01-01 00:00~2026-12-31 23:59", "sunmontuewedthufrisat": "mon-fri"}
    tests += [[item] for item in sorted(synthesized.items())]
    for i, found in enumerate(tests):
        for start, zone in starts[i % len(starts):][:3]:
            yield ("%s %s %d\n" % (start, zone, 1 + i % 30) + "\n".join("%s=%s" % t for t in found)).encode()


def engine_seeds():
    for script in xml_files():
        body = script.read_bytes()
        yield body + b"\0"  # a random world from no bytes: the defaults
        yield body + b"\0" + hashlib.sha256(body).digest() * 2  # a random world
        for scenario in scenarios_of(script):
            yield body + b"\0" + scenario.read_bytes()


TARGETS = {"xml": xml_seeds, "template": template_seeds, "dial": dial_seeds, "directory": directory_seeds,
           "scenario": scenario_seeds, "time": time_seeds, "engine": engine_seeds}


def main():
    if len(sys.argv) != 3 or sys.argv[1] not in TARGETS:
        sys.exit("usage: seeds.py {%s} FOLDER" % "|".join(TARGETS))
    folder = pathlib.Path(sys.argv[2])
    folder.mkdir(parents=True, exist_ok=True)
    count = 0
    for seed in TARGETS[sys.argv[1]]():
        # Named by content, as libFuzzer names its corpus: writing the seeds
        # again adds nothing twice.
        (folder / ("seed-" + hashlib.sha1(seed).hexdigest())).write_bytes(seed)
        count += 1
    print(count)


if __name__ == "__main__":
    main()
