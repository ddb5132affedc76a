from assessment import decode, encode, load_bank, load_scenarios, score

answers = dict(load_scenarios()["job-offer"].answers)
link = "https://example.org/assessment/#code=" + encode(answers)

opened = decode(link)  # a whole link or the bare code
print(opened.answers == answers, opened.version)
print(score(opened.answers).leverage.band.label)

old = decode("fl1.1.Bg_q7kqyIjQqX31p0g")  # made for version 1 of the questions
print(old.notice(load_bank()))
first = old.dropped[0]
print(f"For example: {first.text} {first.reason}")
