from assessment import load_bank, score

bank = load_bank()
answers = {
    "kind": "pay",
    "your-alternative": "firm-similar",
    "their-alternative": "unknown",
    "next-steps": "hint",
}
result = score(answers)

leverage = result.leverage
if leverage.band is None:
    print(leverage.verdict)
    for need in leverage.still_needed:
        print("-", need.text)
else:
    print(f"{leverage.band.label}: {leverage.balance:+.1f} ± {leverage.uncertainty}")

print(result.ethics.text)
for problem in result.ethics.amber + result.ethics.red:
    print(f"- {problem.name}: {problem.fair_alternative}")

print("First:", result.advice[0].text)
print(f"{result.completeness.answered} of {len(bank.questions)} questions answered")
