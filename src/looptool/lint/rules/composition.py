"""A loop template's interviews differ from the reference loop for its level.

## What it flags
Compared with the reference composition for the template's `level` (the
`compositions` catalogue):

* an interview the reference has and the template lacks, or has fewer of
  (on `slots`): "senior loop has no system-design interview";
* an interview beyond the reference (on the slot, or its `count`);
* an interview type reserved for other levels: ML system design anywhere
  below the staff loop (on the slot's `type`);
* a reference interview run by the wrong person: the career chat without
  `interviewer_role: hiring-manager`, the staff ML system design without
  `interviewer_level: staff` (on the slot).

A template written for particular roles (`role` or `roles`) that explains
its mix in a `rationale` departs from the reference on purpose (no
data-modelling notebook for a backend engineer, say): only the people
running its interviews are checked. Without a `rationale` it is held to the
reference like any other template.

A slot matches a reference interview when one of its types is one the
reference accepts (`coding` accepts any flavour of coding; `coding/math`
does not accept plain coding); slots and reference interviews are paired
so that as many as possible match before anything is called missing.

The references: intern (abbreviated): 1 coding, 1 data modelling, 1 project
deep dive. Junior: 2 coding, 1 math-flavoured coding or math quiz, 1 data
modelling, 1 project deep dive. Senior: 2 coding, 2 data modelling, 1
system design, 1 project deep dive, 1 career chat with the hiring manager.
Staff: 1 coding, 2 data modelling, 1 system design, 1 ML system design, 1
project deep dive, 1 career chat with the hiring manager.

## Why it matters
Each interview type measures something the others cannot: coding for
working code, data modelling for hands-on ML, the deep dive for seniority and
motivation, the career chat for fit and direction. A loop that drops one
leaves that question to guesswork; a loop that doubles one spends a
candidate's day on evidence it already has. ML system design gives strong
signal only when a staff-level ML engineer runs it, and those are scarce,
so it belongs on the staff loop; the career chat is the hiring manager's
call.

## Fails
```yaml
loops:
  - id: senior
    level: senior
    slots:
      - {type: coding, count: 2, stage: filter, minutes: 45}
      - {type: data-modeling, count: 2, stage: probe, minutes: 60}
      - {type: ml-system-design, stage: probe, minutes: 60}   # not system-design
      - {type: project-deep-dive, stage: probe, minutes: 45}
      - {type: career-chat, stage: probe, minutes: 30}         # no hiring manager
```

## Passes
```yaml
loops:
  - id: senior
    level: senior
    slots:
      - {type: coding, count: 2, stage: filter, minutes: 45}
      - {type: data-modeling, count: 2, stage: probe, minutes: 60}
      - {type: system-design, stage: probe, minutes: 60}
      - {type: project-deep-dive, stage: probe, minutes: 45}
      - {type: career-chat, stage: probe, minutes: 30, interviewer_role: hiring-manager}
```

## Options
None.
"""

from looptool.bank.model import LEVEL_RANK
from looptool.lint.rules import Problem

CODE, NAME, LEVEL, SCOPE = "LT201", "composition", "warning", "loop"


def check(loop, ctx):
    entries = ctx.catalogue("compositions")
    reference = next((e["interviews"] for e in entries if e.get("level") == loop.level), None)
    explained = bool(loop.roles and loop.rationale)  # a role's own mix, with its reasons
    restricted = {e["restricted"]: e for e in entries if "restricted" in e and loop.level not in e["levels"]}
    reserved = set() if explained else (yield from _reserved(loop, restricted))
    if reference is None:
        return
    seats = [slot for slot in loop.slots for _ in range(slot.count)]
    wanted = [item for item in reference for _ in range(item.get("count", 1))]
    owner = _pair(seats, wanted)
    summary = ", ".join(f"{item.get('count', 1)} {_label(item)}" for item in reference)
    if not explained:
        yield from _missing(loop, reference, wanted, owner, summary)
        yield from _extra(loop, seats, set(owner.values()), reserved, summary)
    yield from _runners(seats, wanted, owner)
    if explained:
        yield from _restricted_runners(loop, restricted)


def _restricted_runners(loop, restricted):
    """A role's template may use an interview reserved for other levels, but only run by whoever the
    reference asks for there (an ML system design below staff still needs a staff interviewer)."""
    for slot in loop.slots:
        for kind in dict.fromkeys(t for t in slot.types if t in restricted):
            level = restricted[kind].get("interviewer_level")
            if level and LEVEL_RANK.get(slot.interviewer_level, -1) < LEVEL_RANK[level]:
                yield Problem(f"`{kind}` below the {' and '.join(restricted[kind]['levels'])} loop needs a "
                              f"{level}-level interviewer to give a trustworthy signal: add "
                              f"`interviewer_level: {level}`", ("slots", slot.index))


def _reserved(loop, restricted):
    flagged = set()
    for slot in loop.slots:
        for kind in dict.fromkeys(t for t in slot.types if t in restricted):
            flagged.add(slot.index)
            levels = " and ".join(restricted[kind]["levels"])
            yield Problem(f"`{kind}` in a {loop.level} loop: {' '.join(restricted[kind]['why'].split())}; "
                          f"keep it for the {levels} loop", ("slots", slot.index, "type"))
    return flagged


def _pair(seats, wanted):
    """Maximum matching of interviews (seats) to reference interviews: wanted index -> seat index."""
    owner = {}

    def place(seat, seen):
        for w, item in enumerate(wanted):
            if w not in seen and _fits(seats[seat], item):
                seen.add(w)
                if w not in owner or place(owner[w], seen):
                    owner[w] = seat
                    return True
        return False

    for seat in range(len(seats)):
        place(seat, set())
    return owner


def _fits(slot, item):
    return any(kind == want or ("/" not in want and kind.split("/")[0] == want)
               for kind in slot.kinds for want in item["kinds"])


def _missing(loop, reference, wanted, owner, summary):
    for item in reference:
        need = item.get("count", 1)
        have = sum(1 for w, it in enumerate(wanted) if it is item and w in owner)
        if have < need:
            has = "no" if have == 0 else f"only {have}"
            yield Problem(f"{loop.level} loop has {has} {_label(item)} interview{'s' if have > 1 else ''}; "
                          f"the reference {loop.level} loop has {summary}: add {need - have}",
                          ("slots",), on_key=True)


def _extra(loop, seats, used, reserved, summary):
    for slot in loop.slots:
        mine = [s for s, seat in enumerate(seats) if seat is slot]
        spare = sum(1 for s in mine if s not in used)
        if spare and slot.index not in reserved:
            path = ("slots", slot.index, "count") if spare < slot.count else ("slots", slot.index)
            yield Problem(f"{spare} {slot.describe()} interview{'s' if spare > 1 else ''} beyond the reference "
                          f"{loop.level} loop ({summary}); drop it, or make it an interview the loop lacks", path)


def _runners(seats, wanted, owner):
    seen = set()
    for w, seat in sorted(owner.items()):
        slot, item = seats[seat], wanted[w]
        if slot.index in seen:
            continue
        role, level = item.get("interviewer_role"), item.get("interviewer_level")
        if role and slot.interviewer_role != role:
            seen.add(slot.index)
            yield Problem(f"the {_label(item)} interview is the {role}'s to run: "
                          f"add `interviewer_role: {role}`", ("slots", slot.index))
        elif level and LEVEL_RANK.get(slot.interviewer_level, -1) < LEVEL_RANK[level]:
            seen.add(slot.index)
            yield Problem(f"the {_label(item)} interview needs a {level}-level interviewer to give a "
                          f"trustworthy signal: add `interviewer_level: {level}`", ("slots", slot.index))


def _label(item):
    return item.get("label") or " or ".join(item["kinds"])
