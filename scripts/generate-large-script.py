#!/usr/bin/env python3
"""Writes a large, valid ConneXML script (for benchmarks): a long call-centre
flow of Conditions, Gathers, Dials and key bindings. Usage:
generate-large-script.py OUT.xml [MEGABYTES]"""
import sys

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
