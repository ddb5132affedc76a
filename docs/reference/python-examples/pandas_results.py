import pandas as pd

from assessment import decode, encode, load_scenarios, score

links = [encode(scenario.answers) for scenario in load_scenarios().values()]

rows = []
for line, link in enumerate(links, start=1):
    result = score(decode(link).answers).to_dict()
    leverage = result["leverage"]
    rows.append(
        {
            "line": line,
            "band": leverage["band"]["label"] if leverage["band"] else None,
            "balance": leverage["balance"],
            "red_flags": len(result["ethics"]["red"]),
            "first_step": result["advice"][0]["action"] if result["advice"] else None,
        }
    )

table = pd.DataFrame(rows)
print(table.groupby("band", dropna=False).size().sort_values(ascending=False))
print("Mean balance:", round(table["balance"].mean(), 1))
print("With a red flag:", int((table["red_flags"] > 0).sum()))
