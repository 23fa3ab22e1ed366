"""Outdoor scenes: a city skyline, a chemical plant, wind and hydrogen, a bridge with a
train and a road, and the region's panorama (the home page's hero)."""

import math

from .canvas import GOLD, WHITE, font, hills, mix, open_sky, sky

WINDOW = (255, 236, 170)


def skyline(c, horizon, colour, lo, hi, windows=False):
    """A row of buildings standing on `horizon`, between `lo` and `hi` tall."""
    x = -c.uniform(0.0, 0.03)
    while x < 1.0:
        width, height = c.uniform(0.035, 0.075), c.uniform(lo, hi)
        c.rect(x, horizon - height, x + width, horizon + 0.01, colour)
        if c.rng.random() < 0.25:  # a gable or a stepped top
            c.polygon(
                [
                    (x, horizon - height),
                    (x + width / 2, horizon - height - 0.05),
                    (x + width, horizon - height),
                ],
                colour,
            )
        if windows:
            lit = mix(colour, WINDOW, 0.75)
            unlit = mix(colour, WHITE, 0.12)
            y = horizon - height + 0.025
            while y < horizon - 0.03:
                wx = x + width * 0.15
                while wx < x + width * 0.8:
                    c.rect(
                        wx, y, wx + width * 0.14, y + 0.018, lit if c.rng.random() < 0.4 else unlit
                    )
                    wx += width * 0.23
                y += 0.035
        x += width + c.uniform(0.0, 0.012)


def tv_tower(c, x, base, height, colour):
    c.polygon(
        [
            (x - c.dx(0.012), base),
            (x - c.dx(0.005), base - height * 0.7),
            (x + c.dx(0.005), base - height * 0.7),
            (x + c.dx(0.012), base),
        ],
        colour,
    )
    c.circle(x, base - height * 0.72, 0.03, colour)
    c.rect(x - c.dx(0.003), base - height, x + c.dx(0.003), base - height * 0.7, colour)


def church(c, x, base, colour):
    c.rect(x - c.dx(0.03), base - 0.22, x + c.dx(0.03), base, colour)
    c.polygon(
        [(x - c.dx(0.035), base - 0.22), (x, base - 0.4), (x + c.dx(0.035), base - 0.22)], colour
    )
    c.circle(x, base - 0.17, 0.015, GOLD)


def city(c):
    """A skyline over a river: two rows of houses, a tower, a church, lit windows."""
    open_sky(c)
    horizon = 0.7
    far, near = mix(c.mid, c.light, 0.55), mix(c.dark, c.mid, 0.35)
    skyline(c, horizon - 0.02, far, 0.15, 0.33)
    tv_tower(c, c.uniform(0.15, 0.4), horizon, 0.55, mix(c.mid, c.light, 0.3))
    c.rect(0.62, horizon - 0.42, 0.69, horizon, mix(c.mid, c.light, 0.2), radius=0.02)
    church(c, c.uniform(0.45, 0.55), horizon, mix(c.dark, c.mid, 0.6))
    skyline(c, horizon, near, 0.08, 0.24, windows=True)
    water = mix(c.mid, c.light, 0.45)
    c.rect(0, horizon, 1, 1, water)
    for _ in range(40):
        x, y = c.uniform(0, 1), c.uniform(horizon + 0.02, 0.98)
        c.rect(x, y, x + c.uniform(0.02, 0.08), y + 0.006, mix(water, WHITE, 0.35))
    c.rect(0, 0.9, 1, 1, mix(c.dark, c.mid, 0.2))


def column(c, x, base, width, height, colour, bands):
    c.rect(x, base - height, x + width, base, colour, radius=width * 0.3 * c.w / c.h)
    for n in range(1, 5):
        y = base - height * n / 5
        c.rect(x - c.dx(0.004), y, x + width + c.dx(0.004), y + 0.008, bands)


def cooling_tower(c, x, base, height, colour):
    half = c.dx(height * 0.42)
    waist = c.dx(height * 0.27)
    left = [
        (x - half + (half - waist) * math.sin(t / 10 * math.pi) * 1.0, base - height * t / 10)
        for t in range(11)
    ]
    right = [(2 * x - px, py) for px, py in reversed(left)]
    c.polygon(left + right, colour)


def steam(c, x, y, size):
    for n in range(5):
        c.circle(
            x + c.dx(size * 0.5 * math.sin(n)),
            y - n * size * 0.7,
            size * (0.8 + n * 0.15),
            mix(WHITE, c.light, 0.15 * n),
        )


def industry(c):
    """A chemical plant: cooling tower, distillation columns, tanks, a pipe rack, a flare."""
    open_sky(c)
    base = 0.8
    hills(c, 0.66, [mix(c.light, c.mid, 0.3)], amplitude=0.02)
    metal, dark = mix(c.mid, WHITE, 0.35), mix(c.dark, c.mid, 0.2)
    tower = c.uniform(0.62, 0.8)
    cooling_tower(c, tower, base, 0.45, mix(c.light, c.mid, 0.45))
    steam(c, tower, base - 0.5, 0.07)
    for n in range(4):
        column(c, 0.12 + n * 0.07, base, c.dx(0.035), c.uniform(0.3, 0.55), metal, dark)
    for n in range(3):  # spherical gas tanks on legs
        x = 0.43 + n * 0.08
        c.rect(x - c.dx(0.04), base - 0.08, x + c.dx(0.04), base, dark)
        c.circle(x, base - 0.12, 0.07, mix(c.light, c.mid, 0.35))
    chimney = c.uniform(0.88, 0.95)
    c.rect(chimney, base - 0.5, chimney + c.dx(0.025), base, mix(c.dark, c.mid, 0.5))
    for n in range(3):
        y = base - 0.48 + n * 0.06
        c.rect(chimney, y, chimney + c.dx(0.025), y + 0.02, WHITE)
    c.polygon(
        [
            (chimney + c.dx(0.005), base - 0.5),
            (chimney + c.dx(0.0125), base - 0.57),
            (chimney + c.dx(0.02), base - 0.5),
        ],
        GOLD,
    )
    for y in (base - 0.14, base - 0.1):  # the pipe rack
        c.line([(0.05, y), (0.98, y)], dark, 0.012)
    for x in (0.08, 0.3, 0.55, 0.78):
        c.rect(x, base - 0.14, x + c.dx(0.01), base, dark)
    c.rect(0, base, 1, 1, mix(c.dark, c.mid, 0.45))
    c.rect(0, base, 1, base + 0.015, dark)


def turbine(c, x, base, height, angle, colour):
    c.polygon(
        [
            (x - c.dx(height * 0.02), base),
            (x - c.dx(height * 0.008), base - height),
            (x + c.dx(height * 0.008), base - height),
            (x + c.dx(height * 0.02), base),
        ],
        colour,
    )
    hub = (x, base - height)
    blade = height * 0.55
    for n in range(3):
        a = angle + n * 2 * math.pi / 3
        tip = (x + c.dx(blade * math.cos(a)), hub[1] + blade * math.sin(a))
        side = (
            c.dx(height * 0.03 * math.cos(a + math.pi / 2)),
            height * 0.03 * math.sin(a + math.pi / 2),
        )
        c.polygon(
            [
                hub,
                (
                    hub[0] + side[0] + (tip[0] - hub[0]) * 0.2,
                    hub[1] + side[1] + (tip[1] - hub[1]) * 0.2,
                ),
                tip,
            ],
            colour,
        )
    c.circle(x, hub[1], height * 0.035, colour)


def h2_tank(c, x, y, width, colour, label):
    height = 0.1
    c.rect(x, y, x + width, y + height, colour, radius=height / 2)
    c.rect(x + width * 0.15, y + height, x + width * 0.2, y + height + 0.05, label)
    c.rect(x + width * 0.8, y + height, x + width * 0.85, y + height + 0.05, label)
    size = round(c.h * height * 0.7)
    c.draw.text(
        c.px(x + width * 0.45, y + height * 0.5), "H", fill=label, font=font(size), anchor="rm"
    )
    c.draw.text(
        c.px(x + width * 0.46, y + height * 0.62),
        "2",
        fill=label,
        font=font(size // 2),
        anchor="lm",
    )


def solar_field(c, x0, x1, y, rows=2):
    panel = mix(c.dark, "#0b2a55", 0.5)
    for row in range(rows):
        top = y + row * 0.07
        x = x0
        while x < x1:
            c.polygon(
                [
                    (x, top + 0.05),
                    (x + c.dx(0.02), top),
                    (x + c.dx(0.09), top),
                    (x + c.dx(0.07), top + 0.05),
                ],
                panel,
            )
            c.line(
                [(x + c.dx(0.01), top + 0.025), (x + c.dx(0.08), top + 0.025)],
                mix(panel, WHITE, 0.3),
                0.002,
            )
            x += c.dx(0.1)


def hydrogen(c):
    """Wind turbines on green hills, a solar field, an electrolyser and hydrogen tanks."""
    open_sky(c)
    hills(c, 0.55, [mix(c.light, "#9fcf8a", 0.5), mix(c.mid, "#4f8f2f", 0.5)], amplitude=0.04)
    angle = c.uniform(0, 2 * math.pi)
    for x, base, height in (
        (0.12, 0.6, 0.22),
        (0.3, 0.57, 0.3),
        (0.82, 0.6, 0.26),
        (0.95, 0.62, 0.18),
    ):
        turbine(c, x + c.uniform(-0.02, 0.02), base, height, angle + x * 3, WHITE)
    ground = mix(c.dark, "#224d17", 0.4)
    c.rect(0, 0.78, 1, 1, ground)
    solar_field(c, 0.03, 0.4, 0.8)
    c.rect(0.46, 0.6, 0.62, 0.8, mix(c.light, WHITE, 0.3))  # the electrolyser's container
    for n in range(5):
        c.rect(0.475 + n * 0.028, 0.63, 0.485 + n * 0.028, 0.77, mix(c.mid, c.light, 0.3))
    c.line([(0.62, 0.7), (0.68, 0.7)], mix(c.dark, c.mid, 0.3), 0.012)
    h2_tank(c, 0.66, 0.6, 0.3, mix(WHITE, c.light, 0.2), c.dark)
    h2_tank(c, 0.7, 0.74, 0.27, mix(WHITE, c.light, 0.5), c.dark)


def train(c, x0, x1, y, height, colour, stripe):
    c.rect(x0, y - height, x1, y, colour, radius=height * 0.3)
    c.polygon(
        [(x1 - c.dx(0.01), y - height), (x1 + c.dx(height * 1.1), y), (x1 - c.dx(0.01), y)], colour
    )
    c.rect(x0, y - height * 0.3, x1 + c.dx(height * 0.6), y - height * 0.2, stripe)
    x = x0 + c.dx(0.02)
    while x < x1 - c.dx(0.03):
        c.rect(
            x,
            y - height * 0.8,
            x + c.dx(0.03),
            y - height * 0.45,
            mix(c.dark, "#000000", 0.2),
            radius=0.005,
        )
        x += c.dx(0.045)


def car(c, x, y, size, colour):
    c.rect(x, y - size * 0.5, x + c.dx(size * 2.2), y - size * 0.1, colour, radius=size * 0.15)
    c.rect(
        x + c.dx(size * 0.45),
        y - size * 0.85,
        x + c.dx(size * 1.6),
        y - size * 0.45,
        colour,
        radius=size * 0.15,
    )
    c.rect(
        x + c.dx(size * 0.6),
        y - size * 0.78,
        x + c.dx(size * 1.45),
        y - size * 0.5,
        mix(colour, WHITE, 0.6),
    )
    for wx in (0.5, 1.7):
        c.circle(x + c.dx(size * wx), y - size * 0.1, size * 0.2, "#1d1d1d")


def mobility(c):
    """A train on an arched bridge over a river, a road with cars in front."""
    open_sky(c)
    hills(c, 0.45, [mix(c.light, c.mid, 0.25)], amplitude=0.03)
    water = mix(c.mid, c.light, 0.4)
    c.rect(0, 0.6, 1, 0.78, water)
    deck, steel = 0.5, mix(c.dark, c.mid, 0.3)
    c.rect(0, deck, 1, deck + 0.03, steel)
    for n in range(4):  # the arches and their piers
        x0 = n * 0.25
        c.draw.arc(
            c.box(x0 + 0.01, deck + 0.03, x0 + 0.24, deck + 0.3),
            180,
            360,
            fill=steel,
            width=round(0.02 * c.h),
        )
        c.rect(x0 + 0.005, deck, x0 + 0.02, 0.65, steel)
    train(c, c.uniform(0.05, 0.3), c.uniform(0.6, 0.8), deck, 0.07, WHITE, "#c0102a")
    road = mix("#3b4250", c.dark, 0.3)
    c.polygon([(0, 0.78), (1, 0.72), (1, 1), (0, 1)], road)
    for n in range(8):
        x = n * 0.14 + c.uniform(0, 0.03)
        y = 0.78 - 0.06 * x + 0.11
        c.polygon([(x, y), (x + 0.07, y - 0.004), (x + 0.07, y + 0.008), (x, y + 0.012)], WHITE)
    for _ in range(3):
        x = c.uniform(0.05, 0.85)
        car(c, x, 0.86 - 0.06 * x, 0.06, c.choice([GOLD, c.mid, "#c0102a", WHITE]))


def region(c):
    """The region's panorama: hills with wind turbines, a city on the river, a train."""
    sky(c, mix(c.light, WHITE, 0.1), mix(c.light, WHITE, 0.85))
    c.circle(0.78, 0.2, 0.08, "#fff4d6")
    hills(c, 0.42, [mix(c.light, c.mid, 0.2)], amplitude=0.05)
    for x in (0.06, 0.14, 0.9):
        turbine(c, x, 0.48, 0.16, x * 9, WHITE)
    skyline(c, 0.66, mix(c.mid, c.light, 0.35), 0.08, 0.2)
    tv_tower(c, 0.58, 0.66, 0.42, mix(c.mid, c.light, 0.2))
    church(c, 0.42, 0.66, mix(c.dark, c.mid, 0.5))
    hills(c, 0.66, [mix(c.mid, c.dark, 0.3)], amplitude=0.02)
    c.rect(0, 0.74, 1, 0.8, mix(c.mid, c.light, 0.5))
    train(c, 0.1, 0.45, 0.73, 0.045, WHITE, GOLD)
    hills(c, 0.8, [mix(c.dark, c.mid, 0.15)], amplitude=0.03)
