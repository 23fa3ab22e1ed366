"""Indoor scenes: a laboratory, a theatre stage and the rooms of the association's events
(a talk seen from the audience, a panel on a stage, a reception, an exhibition stand)."""

import math

from .canvas import CLOTHES, GOLD, HAIR, SKIN, WHITE, audience_rows, mix, person, sky

WOOD = (164, 116, 72)


def molecule(c, x, y, r, colours):
    """A benzene ring with side groups: atoms and bonds."""
    atoms = [
        (x + c.dx(r * math.cos(a)), y + r * math.sin(a))
        for a in (n * math.pi / 3 + math.pi / 6 for n in range(6))
    ]
    bond = colours[0]
    for n, (ax, ay) in enumerate(atoms):
        bx, by = atoms[(n + 1) % 6]
        c.line([(ax, ay), (bx, by)], bond, 0.008)
        if n % 2 == 0:
            ox, oy = x + (ax - x) * 1.9, y + (ay - y) * 1.9
            c.line([(ax, ay), (ox, oy)], bond, 0.008)
            c.circle(ox, oy, r * 0.22, colours[2])
    for ax, ay in atoms:
        c.circle(ax, ay, r * 0.16, colours[1])


def flask(c, x, base, size, glass, liquid):
    neck = c.dx(size * 0.12)
    c.polygon(
        [
            (x - neck, base - size),
            (x + neck, base - size),
            (x + neck, base - size * 0.6),
            (x + c.dx(size * 0.45), base),
            (x - c.dx(size * 0.45), base),
            (x - neck, base - size * 0.6),
        ],
        glass,
    )
    c.polygon(
        [
            (x - c.dx(size * 0.3), base - size * 0.3),
            (x + c.dx(size * 0.3), base - size * 0.3),
            (x + c.dx(size * 0.43), base - size * 0.02),
            (x - c.dx(size * 0.43), base - size * 0.02),
        ],
        liquid,
    )


def science(c):
    """A laboratory bench with flasks, test tubes and a microscope before a molecule."""
    sky(c, mix(c.light, WHITE, 0.55), mix(c.light, WHITE, 0.2), 0, 0.65)
    c.rect(0.05, 0.06, 0.42, 0.5, WHITE, radius=0.01)  # a whiteboard
    molecule(c, 0.22, 0.28, 0.08, (c.dark, c.mid, GOLD))
    molecule(c, 0.72, 0.2, 0.05, (mix(c.mid, c.light, 0.3), c.light, mix(GOLD, WHITE, 0.4)))
    c.rect(0.5, 0.32, 0.95, 0.34, mix(c.dark, c.mid, 0.4))  # a shelf with bottles
    for n in range(7):
        x = 0.52 + n * 0.06
        c.rect(
            x,
            0.22 + (n % 3) * 0.02,
            x + c.dx(0.05),
            0.32,
            c.choice([c.mid, c.light, GOLD, WHITE]),
            radius=0.01,
        )
    bench = 0.65
    c.rect(0, bench, 1, 1, mix(c.dark, c.mid, 0.25))
    c.rect(0, bench - 0.02, 1, bench + 0.02, mix(c.dark, "#000000", 0.3))
    for x in (0.2, 0.45, 0.7):
        c.rect(x, bench + 0.08, x + 0.18, 0.95, mix(c.dark, c.mid, 0.4), radius=0.01)
    glass = mix(WHITE, c.light, 0.3)
    flask(c, 0.15, bench - 0.02, 0.22, glass, c.mid)
    flask(c, 0.3, bench - 0.02, 0.15, glass, GOLD)
    c.rect(0.38, bench - 0.1, 0.56, bench - 0.02, mix(c.dark, c.mid, 0.1))  # a rack of tubes
    for n in range(5):
        x = 0.395 + n * 0.034
        c.rect(x, bench - 0.24, x + c.dx(0.025), bench - 0.08, glass, radius=0.012)
        c.rect(
            x,
            bench - 0.15,
            x + c.dx(0.025),
            bench - 0.08,
            c.choice([c.mid, GOLD, "#c0102a", c.dark]),
            radius=0.012,
        )
    metal = mix(c.dark, "#000000", 0.2)  # the microscope
    c.rect(0.68, bench - 0.05, 0.8, bench - 0.02, metal, radius=0.01)
    c.polygon(
        [(0.76, bench - 0.05), (0.79, bench - 0.05), (0.77, bench - 0.3), (0.745, bench - 0.3)],
        metal,
    )
    c.polygon(
        [(0.7, bench - 0.33), (0.73, bench - 0.36), (0.78, bench - 0.22), (0.75, bench - 0.2)],
        metal,
    )
    c.rect(0.69, bench - 0.14, 0.77, bench - 0.12, metal)


def culture(c):
    """A theatre stage: curtains, spotlights, performers, the audience in front."""
    c.rect(0, 0, 1, 1, mix(c.dark, "#000000", 0.55))
    sky(c, mix(c.mid, c.dark, 0.3), mix(c.light, c.mid, 0.4), 0.1, 0.68)  # the backdrop
    red, fold = mix("#8e1b2c", c.dark, 0.3), mix("#5e0f1d", c.dark, 0.3)
    for side in (0, 1):
        for n in range(7):
            x = n * 0.025 if side == 0 else 1 - (n + 1) * 0.025
            c.rect(x, 0.05, x + 0.025, 0.72, red if n % 2 else fold)
    c.rect(0, 0, 1, 0.1, red)
    for n in range(20):  # the valance's scallops
        c.circle(0.025 + n * 0.05, 0.1, 0.03, red)
    stage = mix(WOOD, c.dark, 0.25)
    c.polygon([(0.12, 0.72), (0.88, 0.72), (1.0, 0.82), (0.0, 0.82)], stage)
    for x in (0.3, 0.5, 0.7):
        c.glow([(x - 0.01, 0.0), (x + 0.01, 0.0), (x + 0.1, 0.74), (x - 0.1, 0.74)], "#fff2c0", 60)
    for n, x in enumerate((0.4, 0.52, 0.63)):
        person(
            c,
            x,
            0.74,
            0.3 + 0.03 * (n % 2),
            c.choice((*CLOTHES[:4], GOLD)),
            c.choice(SKIN),
            c.choice(HAIR),
        )
    dark = tuple(mix(c.dark, "#000000", 0.5 + 0.1 * n) for n in range(3))
    audience_rows(c, 0.72, 3, dark)


def hall(c):
    """The walls and floor of a conference hall; returns the floor's top."""
    sky(c, mix(c.light, WHITE, 0.5), mix(c.light, c.mid, 0.15), 0, 0.62)
    c.rect(0, 0.62, 1, 1, mix(c.dark, c.mid, 0.3))
    for n in range(6):  # wall panels
        c.rect(
            n / 6 + 0.005,
            0.05,
            (n + 1) / 6 - 0.005,
            0.6,
            mix(c.light, WHITE, 0.25 + 0.05 * (n % 2)),
        )
    return 0.62


def slide(c, x0, y0, x1, y1):
    """A projection screen with a bar chart."""
    c.rect(x0 - 0.01, y0 - 0.015, x1 + 0.01, y1 + 0.015, mix(c.dark, "#000000", 0.3))
    c.rect(x0, y0, x1, y1, WHITE)
    c.rect(x0, y0, x1, y0 + (y1 - y0) * 0.16, c.dark)
    for n in range(5):
        bx = x0 + (x1 - x0) * (0.12 + n * 0.16)
        height = (y1 - y0) * c.uniform(0.2, 0.6)
        c.rect(
            bx,
            y1 - (y1 - y0) * 0.1 - height,
            bx + (x1 - x0) * 0.1,
            y1 - (y1 - y0) * 0.1,
            GOLD if n == 3 else c.mid,
        )


def lectern(c, x, floor, speaker=True):
    if speaker:
        person(c, x, floor - 0.02, 0.36, c.choice(CLOTHES), c.choice(SKIN), c.choice(HAIR))
    c.polygon(
        [
            (x - c.dx(0.07), floor - 0.2),
            (x + c.dx(0.07), floor - 0.2),
            (x + c.dx(0.055), floor),
            (x - c.dx(0.055), floor),
        ],
        c.dark,
    )
    c.rect(x - c.dx(0.03), floor - 0.15, x + c.dx(0.03), floor - 0.1, GOLD)


def audience(c):
    """A talk: the screen and the speaker at the lectern, the audience from behind."""
    floor = hall(c)
    slide(c, 0.3, 0.1, 0.74, 0.46)
    c.rect(0, floor - 0.02, 1, floor + 0.05, mix(c.dark, "#000000", 0.2))  # the stage
    lectern(c, c.choice((0.15, 0.86)), floor)
    audience_rows(c, floor + 0.02, 4)


def panel(c):
    """A panel: four people on chairs on a stage before a banner, the audience in front."""
    floor = hall(c)
    c.rect(0.1, 0.08, 0.9, 0.42, c.dark)  # the banner
    c.rect(0.1, 0.36, 0.9, 0.42, GOLD)
    for n in range(3):
        c.circle(0.45 + n * 0.05, 0.2, 0.045, (c.mid, c.light, GOLD)[n])
    c.rect(0.04, floor - 0.08, 0.96, floor + 0.08, mix(WOOD, c.dark, 0.3))
    for n in range(4):
        x = 0.22 + n * 0.18
        c.rect(
            x - c.dx(0.04), floor - 0.2, x + c.dx(0.04), floor - 0.08, mix(c.dark, "#000000", 0.2)
        )
        person(
            c, x, floor - 0.08, 0.32, c.choice(CLOTHES), c.choice(SKIN), c.choice(HAIR), seated=True
        )
        c.line([(x + c.dx(0.05), floor - 0.08), (x + c.dx(0.05), floor - 0.2)], "#222222", 0.004)
    c.rect(0.16, floor - 0.015, 0.84, floor + 0.0, mix(c.dark, "#000000", 0.3))  # a low table
    audience_rows(c, floor + 0.12, 2)


def bistro_table(c, x, floor, height, colour):
    c.rect(x - c.dx(0.005), floor - height, x + c.dx(0.005), floor, colour)
    c.rect(x - c.dx(0.04), floor - 0.005, x + c.dx(0.04), floor, colour)
    c.ellipse(x - c.dx(0.06), floor - height - 0.02, x + c.dx(0.06), floor - height + 0.01, WHITE)
    c.rect(x - c.dx(0.015), floor - height - 0.05, x - c.dx(0.005), floor - height - 0.01, GOLD)


def reception(c):
    """A reception: standing groups at high tables under pendant lamps by the windows."""
    sky(c, mix(c.light, WHITE, 0.4), mix(c.light, WHITE, 0.1), 0, 0.6)
    for n in range(5):  # window frames
        x = 0.02 + n * 0.2
        c.rect(x, 0.05, x + 0.17, 0.6, mix(c.light, WHITE, 0.6))
        c.rect(x + 0.08, 0.05, x + 0.09, 0.6, mix(c.dark, c.mid, 0.5))
    c.rect(0, 0.0, 1, 0.05, mix(c.dark, c.mid, 0.5))
    c.rect(0, 0.6, 1, 1, mix(WOOD, c.dark, 0.4))
    for n in range(4):
        x = 0.12 + n * 0.25
        c.line([(x, 0.05), (x, 0.16)], "#333333", 0.003)
        c.polygon([(x - c.dx(0.03), 0.2), (x, 0.16), (x + c.dx(0.03), 0.2)], GOLD)
    groups = [((n + 0.5) / 4 + c.uniform(-0.04, 0.04), c.uniform(0.74, 0.94)) for n in range(4)]
    for gx, floor in sorted(groups, key=lambda group: group[1]):
        scale = 0.45 + (floor - 0.74)
        for side in (-1.1, 1.1):
            person(
                c,
                gx + side * c.dx(scale * 0.2),
                floor - 0.01,
                scale * c.uniform(0.92, 1.05),
                c.choice(CLOTHES),
                c.choice(SKIN),
                c.choice(HAIR),
            )
        bistro_table(c, gx, floor, scale * 0.55, mix(c.dark, "#000000", 0.3))


def exhibition(c):
    """An exhibition stand: back wall with panels and a screen, a counter, visitors."""
    c.rect(0, 0, 1, 1, mix(c.light, WHITE, 0.6))
    for n in range(12):  # the hall's ceiling trusses
        c.line([(n * 0.09, 0.0), (n * 0.09 + 0.09, 0.08)], mix(c.mid, WHITE, 0.5), 0.004)
    c.rect(0, 0.08, 1, 0.09, mix(c.mid, WHITE, 0.5))
    c.rect(0.08, 0.14, 0.92, 0.7, c.dark)  # the stand's back wall
    c.rect(0.08, 0.14, 0.92, 0.22, GOLD)
    for n, colour in enumerate((c.mid, c.light, mix(c.mid, WHITE, 0.3))):
        c.rect(0.12 + n * 0.12, 0.28, 0.22 + n * 0.12, 0.62, colour, radius=0.01)
    c.rect(0.55, 0.28, 0.86, 0.5, "#101820")  # a screen with a map
    c.circle(0.7, 0.39, 0.07, c.mid)
    for x, y in ((0.66, 0.37), (0.72, 0.41), (0.7, 0.35)):
        c.circle(x, y, 0.012, GOLD)
    c.rect(0, 0.7, 1, 1, mix(c.mid, c.dark, 0.35))
    person(c, 0.6, 0.72, 0.38, c.dark, c.choice(SKIN), c.choice(HAIR))
    c.rect(0.5, 0.55, 0.8, 0.78, WHITE, radius=0.01)  # the counter
    c.rect(0.5, 0.6, 0.8, 0.63, GOLD)
    for x in sorted(c.uniform(0.05, 0.95) for _ in range(4)):
        person(c, x, c.uniform(0.9, 0.98), 0.5, c.choice(CLOTHES), c.choice(SKIN), c.choice(HAIR))
