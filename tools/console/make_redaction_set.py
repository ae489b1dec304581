"""Generate the labelled redaction set (synthetic UK messages, no real people).

Run: .venv/bin/python -m tools.console.make_redaction_set  (rewrites redaction_set.json)
Every span is recorded as it is inserted, so the labels are exact by construction.
Numbers use Ofcom's drama ranges (07700 900xxx, 01632 960xxx, 020 7946 0xxx) or
random digits; NHS numbers are random 10-digit numbers with a valid check digit.
"""

from __future__ import annotations

import json
import random
from pathlib import Path

OUT = Path(__file__).with_name("redaction_set.json")

PHONE_TEMPLATES = [
    "can someone call me on {x} please",
    "my number is {x}",
    "ring me {x} after 6pm, the baby sleeps then",
    "{x} is my mobile",
    "I'd rather you texted, {x}",
    "my health visitor said to give my number: {x}",
    "you can reach my partner on {x} if I don't answer",
    "number {x}. I'm struggling a lot since the birth",
    "pls call {x} x",
    "home phone is {x} but mobile is better",
    "Mam's number is {x}, she's helping with the baby",
    "contact me at {x}",
]
EMAIL_TEMPLATES = [
    "my email is {x}",
    "can you email me at {x}",
    "{x} is best for me",
    "send the leaflet to {x} please",
    "I'm on {x} if that helps",
    "email: {x}",
    "my partner's email is {x}, he wants to know too",
    "write to me at {x}. thank you",
]
POSTCODE_TEMPLATES = [
    "I live in {x}",
    "my postcode is {x}",
    "anything near {x}?",
    "we're at {x} in Brecon",
    "postcode {x}",
    "is there a group near {x} for dads",
    "{x}",
    "we just moved to {x}, Milton Keynes",
    "support near {x} please, I'm so tired",
    "I'm in Newtown, {x}",
]
NHS_TEMPLATES = [
    "my NHS number is {x}",
    "NHS no {x}",
    "nhs number: {x}",
    "do you need my nhs number? it's {x}",
    "baby's NHS number is {x}",
    "{x} is my NHS number",
    "ref {x} from the hospital letter",
]
NEGATIVES = [
    "I feel so low since my baby was born",
    "my baby is 10 weeks old and won't stop crying",
    "I rang 116 123 last night and it helped",
    "is 111 the right number to call?",
    "I called 999 once when she stopped breathing for a second",
    "can I text 85258 at night?",
    "the number 0808 on the leaflet, is that free?",
    "we have a session at 10:30 on 12/03/2024",
    "she was born at 3.45am weighing 7lb 2oz",
    "it's been 6 weeks and 3 days",
    "I'm 28 and this is my first baby",
    "the bus number 22 goes to Llandrindod",
    "I live in Brecon, LD3",
    "anything in MK9?",
    "I paid £12.50 for the class",
    "group meets in room 101",
    "my baby's weight is 4.2kg at 8 weeks",
    "the clinic is open 9 to 5, Monday to Friday",
    "is there a baby group in Milton Keynes",
    "Aberhonddu",
    "Y Drenewydd",
    "I want to die",
    "mums matter course in Powys?",
    "what's circle of security",
    "I scored 14 on the EPDS",
    "my order reference is AB12",
    "year 2023 was hard",
    "she's 18 months now",
    "we're on floor 3, flat 12",
    "tried calling 0300 but it cut off",
    "I'm at home with twins aged 1 and 3",
    "hello",
    "thanks that helped",
    "no it didn't help",
    "my partner works 7am to 7pm",
    "the leaflet says call 116123",
    "do you have a number for PANDAS",
    "can you show me more",
    "I'm a dad and I'm not coping",
    "is this a real person?",
    "my baby is 12 weeks and I have postnatal depression",
    "the M4 was closed so we missed it",
    "I take 50mg sertraline",
    "born 2 1 2024",
    "week 40+3",
    "from 1 to 10 I'd say 3",
    "A5 road near Bletchley",
    "we live on the B4520",
    "can I bring my 2 year old",
    "what time does the MK group start",
    "we were in ward 7B",
    "I'm in Powys",
    "version 2.0 of the app",
    "it costs nothing?",
    "I've waited 3 weeks for a call back",
    "my email isn't working",
    "@ the hospital they said it's normal",
    "postcode is wrong on your site",
    "give me a minute",
    "bye",
]


def _nhs_number(rng: random.Random) -> str:
    while True:
        digits = [rng.randint(1, 9)] + [rng.randint(0, 9) for _ in range(8)]
        total = sum(d * w for d, w in zip(digits, range(10, 1, -1), strict=False))
        check = 11 - total % 11
        if check == 11:
            check = 0
        if check != 10:
            return "".join(map(str, digits + [check]))


def _phone(rng: random.Random) -> str:
    kind = rng.choice(["mobile", "geo", "london", "mk", "powys"])
    if kind == "mobile":
        national = f"07700{rng.randint(900000, 900999)}"
        groups = [(5, 6), (5, 3, 3), (11,)]
    elif kind == "london":
        national = f"0207946{rng.randint(0, 999):04d}"
        groups = [(3, 4, 4), (11,), (5, 6)]
    elif kind == "mk":
        national = f"01908{rng.randint(100000, 999999)}"
        groups = [(5, 6), (11,), (5, 3, 3)]
    elif kind == "powys":
        national = f"01597{rng.randint(100000, 999999)}"
        groups = [(5, 6), (11,)]
    else:
        national = f"01632{rng.randint(960000, 960999)}"
        groups = [(5, 6), (11,)]
    parts, pos = [], 0
    for size in rng.choice(groups):
        parts.append(national[pos : pos + size])
        pos += size
    sep = rng.choice([" ", " ", " ", "-", ""]) if len(parts) > 1 else ""
    style = rng.choice(["national", "national", "plus44", "plus44_0", "0044", "bracket"])
    text = sep.join(parts) if sep else "".join(parts) if len(parts) == 1 else " ".join(parts)
    if style == "plus44":
        return "+44 " + text[1:] if rng.random() < 0.7 else "+44" + text[1:].replace(" ", "")
    if style == "plus44_0":
        return "+44 (0)" + text[1:]
    if style == "0044":
        return "0044 " + text[1:]
    if style == "bracket" and len(parts) > 1:
        return f"({parts[0]}) " + " ".join(parts[1:])
    return text


def _email(rng: random.Random) -> str:
    first = rng.choice(["sarah", "jo", "rhian", "dafydd", "amy", "tom", "li", "priya", "ewan", "kate.o"])
    last = rng.choice(["jones", "smith", "evans", "o'neill", "khan", "b", "93", "mum2024", "williams"])
    sep = rng.choice([".", "_", "", "-", "+baby"])
    domain = rng.choice(
        [
            "gmail.com",
            "hotmail.co.uk",
            "outlook.com",
            "yahoo.co.uk",
            "btinternet.com",
            "nhs.net",
            "icloud.com",
            "wales.nhs.uk",
            "example.org",
        ]
    )
    local = f"{first}{sep}{last}"
    if rng.random() < 0.2:
        local = local.upper()
    return f"{local}@{domain}"


def _postcode(rng: random.Random) -> str:
    outward = rng.choice(
        [
            "LD3",
            "LD1",
            "LD2",
            "SY16",
            "SY21",
            "NP8",
            "SY18",
            "LD8",
            "MK9",
            "MK1",
            "MK10",
            "MK13",
            "MK40",
            "CF10",
            "SW1A",
            "EC1A",
            "W1A",
            "M1",
            "B33",
            "CR2",
        ]
    )
    inward = f"{rng.randint(0, 9)}{rng.choice('ABDEFGHJLNPQRSTUWXYZ')}{rng.choice('ABDEFGHJLNPQRSTUWXYZ')}"
    sep = rng.choice([" ", " ", " ", "", "  "])
    text = f"{outward}{sep}{inward}"
    return text.lower() if rng.random() < 0.25 else text


def _nhs(rng: random.Random) -> str:
    number = _nhs_number(rng)
    style = rng.choice(["spaced", "spaced", "plain", "dashed"])
    if style == "spaced":
        return f"{number[:3]} {number[3:6]} {number[6:]}"
    if style == "dashed":
        return f"{number[:3]}-{number[3:6]}-{number[6:]}"
    return number


def _fill(template: str, value: str, kind: str) -> dict:
    start = template.index("{x}")
    text = template.replace("{x}", value)
    return {"text": text, "spans": [{"start": start, "end": start + len(value), "kind": kind}]}


def build(seed: int = 20240601) -> list[dict]:
    rng = random.Random(seed)
    items: list[dict] = []
    makers = [
        ("phone", PHONE_TEMPLATES, _phone, 90),
        ("email", EMAIL_TEMPLATES, _email, 70),
        ("postcode", POSTCODE_TEMPLATES, _postcode, 80),
        ("nhs", NHS_TEMPLATES, _nhs, 60),
    ]
    for kind, templates, maker, count in makers:
        for i in range(count):
            items.append(_fill(templates[i % len(templates)], maker(rng), kind))
    # Messages mixing two kinds.
    for _ in range(30):
        phone, postcode = _phone(rng), _postcode(rng)
        text = f"I'm at {postcode}, call me on {phone}"
        a = text.index(postcode)
        b = text.index(phone, a + len(postcode))
        items.append(
            {
                "text": text,
                "spans": [
                    {"start": a, "end": a + len(postcode), "kind": "postcode"},
                    {"start": b, "end": b + len(phone), "kind": "phone"},
                ],
            }
        )
    for _ in range(15):
        email, nhs = _email(rng), _nhs(rng)
        text = f"email {email} and my NHS number is {nhs}"
        a = text.index(email)
        b = text.index(nhs, a + len(email))
        items.append(
            {
                "text": text,
                "spans": [
                    {"start": a, "end": a + len(email), "kind": "email"},
                    {"start": b, "end": b + len(nhs), "kind": "nhs"},
                ],
            }
        )
    items += [{"text": text, "spans": []} for text in NEGATIVES]
    for i, item in enumerate(items):
        item["id"] = i + 1
    return items


if __name__ == "__main__":
    data = build()
    OUT.write_text(json.dumps(data, indent=1, ensure_ascii=False) + "\n")
    print(f"{len(data)} messages written to {OUT}")
