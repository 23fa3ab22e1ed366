"""The projects' marks: a symbol in the spirit of each project's name above its wordmark.
Symbols are drawn in a square around (0.5, 0.36) with coordinates as fractions of the
logo's height (the logo is square)."""

import math

from .canvas import GOLD, WHITE, font, mix


def _arrow(c, x0, y0, x1, y1, colour, width=0.05):
    c.line([(x0, y0), (x1, y1)], colour, width)
    angle = math.atan2(y1 - y0, x1 - x0)
    head = width * 2.2
    left = (x1 - head * math.cos(angle - 0.6), y1 - head * math.sin(angle - 0.6))
    right = (x1 - head * math.cos(angle + 0.6), y1 - head * math.sin(angle + 0.6))
    tip = (x1 + width * 0.8 * math.cos(angle), y1 + width * 0.8 * math.sin(angle))
    c.polygon([tip, left, right], colour)


def headframe(c):
    """A pit's headframe with its wheel and a rising arrow: the mining region's new start."""
    c.polygon([(0.3, 0.6), (0.42, 0.16), (0.48, 0.16), (0.4, 0.6)], c.dark)
    c.polygon([(0.6, 0.6), (0.52, 0.16), (0.58, 0.16), (0.7, 0.6)], c.dark)
    c.circle(0.5, 0.17, 0.09, None, outline=c.dark, width=0.03)
    c.rect(0.36, 0.36, 0.64, 0.39, c.dark)
    _arrow(c, 0.56, 0.56, 0.8, 0.2, GOLD)


def co2_storage(c):
    """O=C=O above layers of rock and an arrow down into them."""
    for x, r, colour in ((0.28, 0.07, c.mid), (0.5, 0.09, c.dark), (0.72, 0.07, c.mid)):
        c.circle(x, 0.2, r, colour)
    for dy in (-0.02, 0.02):
        c.line([(0.33, 0.2 + dy), (0.67, 0.2 + dy)], c.dark, 0.015)
    for n, colour in enumerate((c.light, c.mid, c.dark)):
        c.rect(0.2, 0.45 + n * 0.06, 0.8, 0.5 + n * 0.06, colour, radius=0.02)
    _arrow(c, 0.5, 0.3, 0.5, 0.52, GOLD, 0.04)


def pioneer_flag(c):
    """A flag planted on a hill under a rising sun."""
    for n in range(9):
        a = math.pi + n * math.pi / 8
        c.line(
            [
                (0.5 + 0.25 * math.cos(a), 0.5 + 0.25 * math.sin(a)),
                (0.5 + 0.33 * math.cos(a), 0.5 + 0.33 * math.sin(a)),
            ],
            GOLD,
            0.02,
        )
    c.draw.chord(c.box(0.3, 0.3, 0.7, 0.7), 180, 360, fill=GOLD)
    c.ellipse(0.14, 0.44, 0.86, 0.64, c.mid)
    c.rect(0.14, 0.56, 0.86, 0.6, WHITE)
    c.rect(0.48, 0.1, 0.51, 0.5, c.dark)
    c.polygon([(0.51, 0.1), (0.72, 0.17), (0.51, 0.25)], c.dark)


def wings(c):
    """Two wings around a coin: private capital that helps ideas fly."""
    for side in (-1, 1):
        for n in range(4):
            length = 0.3 - n * 0.05
            y = 0.25 + n * 0.07
            x0 = 0.5 + side * 0.1
            c.polygon(
                [
                    (x0, y),
                    (x0 + side * length, y - 0.1 + n * 0.03),
                    (x0 + side * length * 0.8, y + 0.05),
                    (x0, y + 0.06),
                ],
                mix(c.mid, c.light, n * 0.25),
            )
    c.circle(0.5, 0.33, 0.1, GOLD)
    c.circle(0.5, 0.33, 0.065, None, outline=WHITE, width=0.015)


def h2_molecule(c):
    """Two hydrogen atoms and their bond, with a drop of water."""
    c.line([(0.34, 0.36), (0.66, 0.36)], c.dark, 0.05)
    for x in (0.32, 0.68):
        c.circle(x, 0.36, 0.15, c.mid)
        c.rect(x - 0.055, 0.29, x - 0.035, 0.43, WHITE)
        c.rect(x + 0.035, 0.29, x + 0.055, 0.43, WHITE)
        c.rect(x - 0.04, 0.35, x + 0.04, 0.37, WHITE)
    c.polygon([(0.5, 0.06), (0.56, 0.16), (0.44, 0.16)], GOLD)
    c.circle(0.5, 0.17, 0.06, GOLD)


def towers(c):
    """Three towers of a trade fair's property market on one base."""
    for x0, top, colour in (
        (0.26, 0.28, c.mid),
        (0.41, 0.1, c.dark),
        (0.58, 0.2, mix(c.mid, c.light, 0.4)),
    ):
        c.rect(x0, top, x0 + 0.15, 0.58, colour)
        y = top + 0.04
        while y < 0.54:
            c.rect(x0 + 0.03, y, x0 + 0.06, y + 0.025, WHITE)
            c.rect(x0 + 0.09, y, x0 + 0.12, y + 0.025, WHITE)
            y += 0.06
    c.rect(0.18, 0.58, 0.82, 0.62, GOLD)


def monitor_chart(c):
    """A bar chart with a trend line and a magnifying glass: a survey's results."""
    for n, height in enumerate((0.14, 0.22, 0.18, 0.3)):
        c.rect(
            0.2 + n * 0.11, 0.58 - height, 0.28 + n * 0.11, 0.58, mix(c.light, c.mid, 0.4 + n * 0.2)
        )
    c.line([(0.22, 0.4), (0.35, 0.3), (0.46, 0.34), (0.58, 0.18)], c.dark, 0.025)
    c.circle(0.67, 0.28, 0.1, None, outline=GOLD, width=0.035)
    c.line([(0.73, 0.35), (0.82, 0.45)], GOLD, 0.05)


def bike_route(c):
    """A bicycle on a curving route with an arrow: the cycle highway between two cities."""
    c.draw.arc(c.box(0.1, 0.1, 0.9, 0.9), 200, 340, fill=c.mid, width=round(0.05 * c.h))
    _arrow(c, 0.8, 0.25, 0.86, 0.34, c.mid, 0.05)
    for x in (0.33, 0.67):
        c.circle(x, 0.48, 0.11, None, outline=c.dark, width=0.03)
    c.line([(0.33, 0.48), (0.45, 0.32), (0.6, 0.32), (0.67, 0.48)], c.dark, 0.03)
    c.line([(0.45, 0.32), (0.5, 0.48), (0.6, 0.32)], c.dark, 0.03)
    c.line([(0.42, 0.27), (0.5, 0.27)], GOLD, 0.03)


def cycle_arrows(c):
    """Two arrows turning around a square: a region in transformation."""
    width = round(0.06 * c.h)
    c.draw.arc(c.box(0.22, 0.08, 0.78, 0.64), 200, 340, fill=c.mid, width=width)
    c.draw.arc(c.box(0.22, 0.08, 0.78, 0.64), 20, 160, fill=c.dark, width=width)
    _arrow(c, 0.7, 0.16, 0.76, 0.23, c.mid, 0.06)
    _arrow(c, 0.3, 0.56, 0.24, 0.49, c.dark, 0.06)
    c.rect(0.42, 0.28, 0.58, 0.44, GOLD, radius=0.02)


def solar_spot(c):
    """A sun in its spotlight above a solar panel."""
    c.glow([(0.5, 0.05), (0.2, 0.6), (0.8, 0.6)], mix(GOLD, WHITE, 0.5), 110)
    c.circle(0.5, 0.2, 0.09, GOLD)
    c.polygon([(0.22, 0.62), (0.3, 0.38), (0.7, 0.38), (0.78, 0.62)], c.dark)
    for t in (0.33, 0.66):
        c.line([(0.3 + 0.4 * t, 0.38), (0.22 + 0.56 * t, 0.62)], WHITE, 0.008)
    c.line([(0.26, 0.5), (0.74, 0.5)], WHITE, 0.008)


def leaf(c):
    """A leaf with its veins, growing from a drop."""
    points = []
    for n in range(21):
        t = n / 20
        points.append((0.5 + 0.18 * math.sin(t * math.pi), 0.58 - 0.5 * t))
    points += [(1 - x, y) for x, y in reversed(points)]
    c.polygon(points, c.mid)
    c.line([(0.5, 0.6), (0.5, 0.12)], c.dark, 0.015)
    for n in range(4):
        y = 0.5 - n * 0.09
        c.line([(0.5, y), (0.6, y - 0.07)], c.dark, 0.01)
        c.line([(0.5, y), (0.4, y - 0.07)], c.dark, 0.01)
    c.circle(0.66, 0.56, 0.05, GOLD)


def rocket(c):
    """A rocket lifting off: a young company's start."""
    c.polygon([(0.5, 0.06), (0.58, 0.2), (0.58, 0.46), (0.42, 0.46), (0.42, 0.2)], c.mid)
    c.circle(0.5, 0.24, 0.04, WHITE)
    c.polygon([(0.42, 0.34), (0.32, 0.5), (0.42, 0.46)], c.dark)
    c.polygon([(0.58, 0.34), (0.68, 0.5), (0.58, 0.46)], c.dark)
    c.polygon([(0.44, 0.47), (0.56, 0.47), (0.5, 0.64)], GOLD)
    for x in (0.3, 0.7, 0.36, 0.64):
        c.circle(x, 0.12 + (x * 7) % 0.2, 0.012, GOLD)


def house_pin(c):
    """A commercial building and a location pin: finding a site in the region."""
    c.polygon([(0.2, 0.38), (0.45, 0.2), (0.7, 0.38)], c.dark)
    c.rect(0.24, 0.38, 0.66, 0.6, c.mid)
    c.rect(0.4, 0.46, 0.5, 0.6, WHITE)
    c.circle(0.72, 0.22, 0.1, GOLD)
    c.polygon([(0.635, 0.25), (0.805, 0.25), (0.72, 0.42)], GOLD)
    c.circle(0.72, 0.22, 0.04, WHITE)


def bulb_star(c):
    """A light bulb with a star: an award for ideas."""
    c.circle(0.5, 0.3, 0.17, GOLD)
    c.rect(0.42, 0.44, 0.58, 0.56, c.dark, radius=0.02)
    c.rect(0.45, 0.56, 0.55, 0.6, c.dark, radius=0.02)
    for n in range(7):
        a = math.pi + n * math.pi / 6
        c.line(
            [
                (0.5 + 0.21 * math.cos(a), 0.3 + 0.21 * math.sin(a)),
                (0.5 + 0.28 * math.cos(a), 0.3 + 0.28 * math.sin(a)),
            ],
            c.mid,
            0.02,
        )
    star = []
    for n in range(10):
        r = 0.09 if n % 2 == 0 else 0.04
        a = -math.pi / 2 + n * math.pi / 5
        star.append((0.5 + r * math.cos(a), 0.3 + r * math.sin(a)))
    c.polygon(star, WHITE)


SYMBOLS = {
    "headframe": headframe,
    "co2-storage": co2_storage,
    "pioneer-flag": pioneer_flag,
    "wings": wings,
    "h2-molecule": h2_molecule,
    "towers": towers,
    "monitor-chart": monitor_chart,
    "bike-route": bike_route,
    "cycle-arrows": cycle_arrows,
    "solar-spot": solar_spot,
    "leaf": leaf,
    "rocket": rocket,
    "house-pin": house_pin,
    "bulb-star": bulb_star,
}


def _lines(text):
    """The wordmark on one line, or on two with about as many letters each."""
    words = text.split()
    if len(text) <= 14 or len(words) == 1:
        return [text]
    cuts = [
        (abs(len(" ".join(words[:n])) - len(" ".join(words[n:]))), n) for n in range(1, len(words))
    ]
    n = min(cuts)[1]
    return [" ".join(words[:n]), " ".join(words[n:])]


def wordmark(c, text):
    """The project's name under the symbol: the first line in capitals in the dark colour,
    the second in the middle colour, as large as fits; a gold rule between."""
    lines = _lines(text)
    lines[0] = lines[0].upper()
    size = round(c.h * (0.11 if len(lines) == 1 else 0.09))
    while size > 8 and max(font(size).getlength(line) for line in lines) > c.w * 0.88:
        size -= 2
    c.rect(0.42, 0.68, 0.58, 0.69 + 0.004, GOLD)
    for n, line in enumerate(lines):
        y = 0.78 + n * 0.11 if len(lines) > 1 else 0.82
        c.draw.text(
            c.px(0.5, y), line, fill=c.dark if n == 0 else c.mid, font=font(size), anchor="mm"
        )


def partner(c, name, colours):
    """A flag of two horizontal bands with a thin frame, then the name, as large as fits."""
    top, bottom = colours
    c.rect(0.04, 0.2, 0.26, 0.5, top)
    c.rect(0.04, 0.5, 0.26, 0.8, bottom)
    c.draw.rectangle([*c.px(0.04, 0.2), *c.px(0.26, 0.8)], outline=(0x1A, 0x23, 0x30), width=2)
    lines = _lines(name)
    size = round(c.h * (0.3 if len(lines) == 1 else 0.24))
    while size > 8 and max(font(size).getlength(line) for line in lines) > c.w * 0.66:
        size -= 2
    for n, line in enumerate(lines):
        y = 0.5 if len(lines) == 1 else 0.33 + n * 0.34
        c.draw.text(c.px(0.31, y), line, fill=(0x1A, 0x23, 0x30), font=font(size), anchor="lm")
