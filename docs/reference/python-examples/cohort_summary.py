from pathlib import Path

from assessment import encode, load_scenarios
from assessment.cohort import summarise_file

# One share link or code per line, as participants send them; a bad line is listed, not fatal.
links = [encode(scenario.answers) for scenario in load_scenarios().values()]
Path("links.txt").write_text("\n".join([*links, "not a link"]) + "\n", encoding="utf-8")

summary = summarise_file("links.txt")  # in a notebook, `summary` on its own line draws it
data = summary.to_dict()
print(f"{data['counts']['read']} read, {data['counts']['unreadable']} could not be read")
for line in data["unreadable"]:
    print(f"line {line['line']}: {line['message']}")
for band in data["balance"]["bands"]:
    print(f"{band['label']}: {band['count']}")
print("Most common first suggestion:", data["first_suggestion"]["text"])

Path("summary.csv").write_text(summary.to_csv(), encoding="utf-8", newline="")
