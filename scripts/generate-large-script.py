#!/usr/bin/env python3
"""Writes a large, valid ConneXML script (for benchmarks). Usage:
generate-large-script.py OUT.xml [MEGABYTES]
    a long call-centre flow of Conditions, Gathers, Dials and key bindings;
generate-large-script.py --one-line SIBLINGS OUT.xml
    SIBLINGS elements side by side on one line, half with an attribute
    (1,000,000 of them stay under the 16 MiB size limit): positions on a long
    line must cost no more than on short ones."""
import sys


def one_line(out, siblings):
    pair = '<Pause length="1"/><Say>Hi</Say>'
    with open(out, "w") as f:
        f.write("<Response>")
        f.write(pair * (siblings // 2))
        if siblings % 2:
            f.write('<Pause length="1"/>')
        f.write("</Response>\n")
    print(f"wrote {out}: {siblings} sibling elements on one line")


if sys.argv[1] == "--one-line":
    one_line(sys.argv[3], int(sys.argv[2]))
    sys.exit(0)

out, megabytes = sys.argv[1], float(sys.argv[2]) if len(sys.argv) > 2 else 8.0
block = """  <Condition wday="2-6" time-of-day="09:00-17:30" field="${{gather_result}}" expression="^{d}$">
    <Say loop="1">Option {i}: connecting you to team {i}, please hold.</Say>
    <Gather numDigits="1" timeout="5" finishOnKey="#" action="menu-{i}.xml" method="POST">
      <Say>For sales press 1, for support press 2, for billing press 3.</Say>
      <Play>ivr/menu-{i}.wav</Play>
    </Gather>
    <Set name="team" value="team_{i}"/>
    <Press digit="{d}" context="menu_{i}" dtmf_leg="a"><Transfer attended="false">10{d}{d}</Transfer></Press>
    <Dial callerId="+441234567890" timeout="20" ringTone="uk" hangupOnStar="true">
      <Number>+4412345{i:05d}</Number>
    </Dial>
    <Dial><Client statusCallback="https://example.com/status" statusCallbackEvent="ringing answered">1{d}02</Client></Dial>
    <Dial><Barge whisper="a" bridge="ab" commands="true">sales</Barge></Dial>
    <Pause length="2"/>
  </Condition>
"""
target = int(megabytes * 1024 * 1024)
with open(out, "w") as f:
    f.write('<?xml version="1.0" encoding="UTF-8"?>\n<Response>\n')
    written, i = 0, 0
    while written < target:
        text = block.format(i=i, d=i % 10)
        f.write(text)
        written += len(text)
        i += 1
    f.write("  <Hangup/>\n</Response>\n")
print(f"wrote {out}: {i} blocks, about {written / 1048576:.1f} MiB")
