#!/usr/bin/env python3
"""Writes data/sample-plan.json: a realistic director's plan.

Deterministic (fixed seed), so the committed file only changes when this
script does. Run: python3 build-aux/make-sample-plan.py > data/sample-plan.json
"""
import datetime
import json
import random
import uuid

rng = random.Random(47)


def uid():
    return str(uuid.UUID(int=rng.getrandbits(128), version=4))


def iso(d):
    return d.isoformat()


categories = [
    ("Firefighting and incidents", "tactical", "#d55e00"),
    ("Operations and delivery", "tactical", "#e69f00"),
    ("Hands-on technical work and reviews", "tactical", "#cc79a7"),
    ("Status meetings", "tactical", "#a6761d"),
    ("Business cases and proposals", "strategic", "#0072b2"),
    ("Cross-functional partnership", "strategic", "#56b4e9"),
    ("Roadmap and product strategy", "strategic", "#009e73"),
    ("Developing leaders and delegating", "strategic", "#1b9e77"),
    ("Narrative and communication", "strategic", "#3f6fd8"),
    ("Long-term vision", "strategic", "#6a51a3"),
]
cats = [{"id": uid(), "name": n, "kind": k, "color": c} for n, k, c in categories]
tactical = [c for c in cats if c["kind"] == "tactical"]
strategic = [c for c in cats if c["kind"] == "strategic"]

phases = [
    {"id": uid(), "title": "Start the shift", "start": "2025-05-19", "end": "2026-06-30"},
    {"id": uid(), "title": "Be positioned", "start": "2026-07-01", "end": "2027-09-30"},
    {"id": uid(), "title": "Promotion", "start": "2027-10-01", "end": "2028-06-30"},
]
P0, P1, P2 = (p["id"] for p in phases)

milestones = [
    {"title": "Hand incident command to the SRE leads", "date": "2025-09-30", "phase": P0, "status": "done",
     "notes": "Rotation runs without me since October."},
    {"title": "First business case to the exec staff", "date": "2026-01-31", "phase": P0, "status": "done"},
    {"title": "Quarterly business review co-presented with Product", "date": "2026-05-15", "phase": P0,
     "status": "slipped", "original_date": "2026-03-20",
     "notes": "Moved after the reorg; Priya still wants to do it together."},
    {"title": "Two managers ready to run their areas alone", "date": "2026-09-30", "phase": P1,
     "status": "in-progress"},
    {"title": "Own the platform cost line in the budget", "date": "2026-11-15", "phase": P1, "status": "planned",
     "notes": "Needs Finance to agree on the allocation model."},
    {"title": "Company all-hands talk on reliability as revenue", "date": "2027-02-26", "phase": P1,
     "status": "planned"},
    {"title": "Sponsor for the VP role named", "date": "2027-06-30", "phase": P1, "status": "planned"},
    {"title": "Run the annual planning for engineering", "date": "2027-10-31", "phase": P2, "status": "planned"},
    {"title": "Promotion case reviewed", "date": "2028-03-31", "phase": P2, "status": "planned"},
    {"title": "Mentor programme for senior engineers", "date": "2026-04-30", "phase": P0, "status": "dropped",
     "notes": "Folded into the company programme."},
]
for m in milestones:
    m["id"] = uid()
    m.update({k: m.pop(k) for k in ["title", "date", "phase", "status", "notes", "original_date"] if k in m})
milestones = [{"id": m["id"], **{k: v for k, v in m.items() if k != "id"}} for m in milestones]

# 78 weeks from 2025-W21 to 2026-W46, the share drifting from 20 % to 45 %,
# with a dip in the last two weeks below the trajectory (a real slide back).
start = datetime.date.fromisocalendar(2025, 21, 1)
weeks = []
n_weeks = 78
for i in range(n_weeks):
    monday = start + datetime.timedelta(weeks=i)
    y, w, _ = monday.isocalendar()
    total = rng.choice([44, 46, 47.5, 48, 50, 52, 52.5, 55])
    share = 0.20 + 0.25 * i / (n_weeks - 1) + rng.uniform(-0.04, 0.04)
    if i >= n_weeks - 2:
        share -= 0.12
    if i in (30, 31):  # an incident-heavy fortnight
        share -= 0.08
    s_hours = round(total * share * 2) / 2
    t_hours = total - s_hours
    hours = {}

    def spread(amount, pool, weights):
        parts = [rng.random() * wt for wt in weights]
        z = sum(parts)
        left = amount
        for j, c in enumerate(pool):
            h = left if j == len(pool) - 1 else round(amount * parts[j] / z * 2) / 2
            h = max(0.0, min(h, left))
            left -= h
            if h > 0:
                hours[c["id"]] = int(h) if h == int(h) else h

    spread(t_hours, tactical, [1.2, 1.5, 1.3, 1.0])
    spread(s_hours, strategic, [1.0, 1.3, 1.2, 1.1, 0.8, 0.5])
    week = {"week": f"{y:04d}-W{w:02d}", "hours": hours}
    if i == 30:
        week["note"] = "Two payment outages; I ran both bridges myself."
    if i == n_weeks - 1:
        week["note"] = "Back in the weeds on the migration. Said yes to three design reviews."
    weeks.append(week)

today = datetime.date(2026, 11, 20)


def tp(days_ago, note):
    return {"id": uid(), "date": iso(today - datetime.timedelta(days=days_ago)), "note": note}


relationships = [
    ("Priya Raman", "VP Product", "priya.raman@example.com", "product", 4, 14,
     [(9, "Roadmap sync: agreed to merge the reliability and growth themes."),
      (23, "Coffee; she wants engineering in the pricing discussions.")],
     "Draft the joint QBR outline", "2026-11-27", "Predictable launch dates for the enterprise tier."),
    ("Marcus Levin", "Head of Enterprise Sales", "marcus.levin@example.com", "sales", 2, 30,
     [(61, "Joined a customer call about SSO outages.")],
     "Ask for the top five deal blockers", None, "Deals stalled on security reviews."),
    ("Hannah Okafor", "CFO", "hannah.okafor@example.com", "finance", 3, 30,
     [(20, "Walked through cloud spend per product line.")],
     "Send the cost-allocation proposal", "2026-12-05", "Cloud cost she cannot attribute to products."),
    ("Luis Ortega", "Finance Business Partner", "luis.ortega@example.com", "finance", 4, 21,
     [(5, "Reviewed the numbers for the observability case.")],
     None, None, "Monthly forecast that surprises nobody."),
    ("Aiko Tanaka", "Director of Customer Success", "aiko.tanaka@example.com", "customer-success", 3, 21,
     [(26, "Reviewed churn reasons tied to incidents.")],
     "Share the incident-to-churn analysis", "2026-11-25", "Renewals lost after outages."),
    ("Grace Mensah", "CMO", "grace.mensah@example.com", "marketing", 1, 60,
     [],
     "Introduce myself; offer the reliability story for the launch", None,
     "Launch claims that engineering can stand behind."),
    ("Tom Becker", "VP Operations", "tom.becker@example.com", "operations", 3, 30,
     [(12, "Agreed on a shared on-call runbook for warehouse systems.")],
     None, None, "Manual steps in order fulfilment."),
    ("Sofia Rossi", "Head of People", "sofia.rossi@example.com", "people", 3, 45,
     [(40, "Career ladder for staff engineers.")],
     "Bring the manager-readiness plan", None, "Retention of senior engineers."),
    ("Daniel Kim", "CTO", "daniel.kim@example.com", "leadership", 4, 14,
     [(3, "1:1 — asked what 'VP-ready' means to him: business cases, fewer war rooms."),
      (17, "1:1 — platform budget.")],
     "Ask him to sponsor the cost-allocation work", "2026-12-01", "Board questions on engineering spend."),
    ("Elena Petrova", "COO", "elena.petrova@example.com", "leadership", 2, 45,
     [(95, "Skip-level lunch.")],
     "Ask for 30 minutes on the operations roadmap", None, "Forecasting capacity for peak season."),
    ("Ben Carter", "Senior PM, Payments", "ben.carter@example.com", "product", 5, 7,
     [(2, "Weekly planning."), (9, "Weekly planning."), (16, "Weekly planning.")],
     None, None, "Payment failures during retries."),
    ("Nadia Haddad", "Regional Sales Director", "nadia.haddad@example.com", "sales", 2, 30,
     [(38, "Intro via Marcus.")],
     None, None, "Proof-of-concept environments take two weeks."),
]
rels = []
for (name, role, email, fn, strength, cadence, tps, step, due, helps) in relationships:
    r = {"id": uid(), "name": name, "role": role, "email": email, "function": fn,
         "strength": strength, "cadence_days": cadence}
    touchpoints = [tp(d, n) for d, n in tps]
    if step:
        r["next_step"] = step
    if due:
        r["next_step_due"] = due
    r["help_with"] = helps
    if name == "Marcus Levin":
        r["notes"] = "Thinks engineering says no by default. Prove otherwise with dates."
    r["touchpoints"] = touchpoints
    rels.append(r)

narratives = [
    {"id": uid(), "title": "Reliability is revenue", "audience": "Executive staff",
     "headline": "Every hour of checkout downtime costs us €180k; the platform team cut it by 70 % this year.",
     "status": "shared", "target_date": "2027-02-26",
     "impact_statements": [
         {"id": uid(), "summary": "Checkout availability from 99.5 % to 99.95 %",
          "technical_detail": "Multi-region failover for the payment gateway; chaos drills monthly.",
          "business_impact": "Revenue kept during peak season", "impact_value": 1260000, "impact_unit": "€ per year"},
         {"id": uid(), "summary": "Incident pages down by half",
          "technical_detail": "Alert budget per service; noisy alerts removed.",
          "business_impact": "Engineer hours returned to roadmap work", "impact_value": 2400,
          "impact_unit": "hours per year"},
     ],
     "business_cases": [
         {"id": uid(), "title": "Observability consolidation",
          "problem": "Three monitoring tools, none complete; incidents take 40 minutes to diagnose.",
          "cost": "€38k a month in licences and about 300 engineer hours a month lost to slow diagnosis.",
          "solution": "One observability platform, with service owners trained and dashboards per product line.",
          "ask": "Two engineers for two quarters and a one-off €120k migration budget.",
          "ask_cost": 120000,
          "return": "Saves €21k a month from the second quarter; diagnosis under 10 minutes.",
          "status": "funded", "proposed_on": "2026-01-20", "decided_on": "2026-02-18",
          "cost_rows": [
              {"metric": "Licences", "current_monthly": 38000, "projected_monthly": 24000},
              {"metric": "Diagnosis time (engineer cost)", "current_monthly": 27000, "projected_monthly": 20000},
          ]},
     ]},
    {"id": uid(), "title": "Platform as a product", "audience": "Product and engineering leads",
     "headline": "Teams ship a new service in a day instead of three weeks.",
     "status": "draft", "target_date": "2027-05-31",
     "impact_statements": [
         {"id": uid(), "summary": "Service template and paved road",
          "technical_detail": "Golden path with CI, observability and security defaults.",
          "business_impact": "Time to first deploy for a new service", "impact_value": 20,
          "impact_unit": "days saved"},
     ],
     "business_cases": [
         {"id": uid(), "title": "Self-service environments for sales engineering",
          "problem": "Proof-of-concept environments take two weeks of an engineer's time each.",
          "cost": "About 12 environments a quarter, €9k each in engineering time, and slower deals.",
          "solution": "Self-service environments from templates, owned by the platform team.",
          "ask": "One engineer for a quarter.",
          "ask_cost": 45000,
          "return": "Saves €30k a month and shortens the sales cycle by a week.",
          "status": "proposed", "proposed_on": "2026-10-12",
          "cost_rows": [
              {"metric": "Engineering time on PoCs", "current_monthly": 36000, "projected_monthly": 6000},
          ]},
     ]},
    {"id": uid(), "title": "Engineering spend you can read", "audience": "CFO and board",
     "headline": "Cloud and people cost per product line, every month, without a spreadsheet hunt.",
     "status": "draft", "target_date": "2027-09-30",
     "impact_statements": [], "business_cases": []},
]

questions = [
    "Who would you be if you were no longer “the technical expert”?",
    "What would change in how you spend your time?",
]
answers = [
    "Someone who decides which problems deserve the best engineers, not the one who solves them.",
    "Fewer design reviews, more time with Finance and Product before the roadmap is set.",
    "I still reach for the code when I am anxious. This week it was the migration.",
    "Three hours a week protected for the cost-allocation case.",
    "The person who can explain our value in the CFO's words.",
    "I would stop attending incident bridges unless I am the incident commander's escalation.",
]
check_ins = []
for k in range(6):
    i = n_weeks - 6 + k
    monday = start + datetime.timedelta(weeks=i)
    y, w, _ = monday.isocalendar()
    check_ins.append({"id": uid(), "week": f"{y:04d}-W{w:02d}", "question": questions[k % 2],
                      "answer": answers[k],
                      "over_involvement": [4, 3, 3, 2, 4, 4][k],
                      "operational_reflex": [4, 4, 3, 3, 3, 4][k],
                      "not_delegating": [3, 3, 2, 2, 3, 3][k],
                      "technical_certainty": [4, 3, 3, 3, 2, 3][k]})

plan = {
    "format": "breakthrough-plan",
    "version": 1,
    "profile": {"name": "Alex Morgan", "current_role": "Director of Platform Engineering",
                "target_role": "VP Engineering", "target_date": "2028-06-30", "birth_year": 1984,
                "target_share": 0.55},
    "phases": phases,
    "milestones": milestones,
    "categories": cats,
    "weeks": weeks,
    "relationships": rels,
    "narratives": narratives,
    "check_ins": check_ins,
}
print(json.dumps(plan, indent=2, ensure_ascii=False))
