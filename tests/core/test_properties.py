"""Invariants over generated pages: nothing raw is lost without a decision that says so,
apply is deterministic, rejecting everything gives the raw blocks back, every kind replays."""
import json
from pathlib import Path

from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

from kexie_gui.core import APPLIERS, KINDS, Decisions, analyse, apply, load_page, page_from_text

SEED = Path(__file__).resolve().parent.parent / "data" / "000_57b0e2a3ead17231.txt"

HAN = "科协技术创新服务发展工作组织会议活动全市县区专家群众建设推动开展基地教育青少年"
PUNCT = "，。、"


@st.composite
def sentence(draw):
    body = draw(st.text(alphabet=HAN, min_size=4, max_size=30))
    mid = draw(st.sampled_from(["", "，" + draw(st.text(alphabet=HAN, min_size=2, max_size=20))]))
    return body + mid + "。"


@st.composite
def article(draw):
    title = draw(st.text(alphabet=HAN, min_size=6, max_size=18))
    lead = "本报讯 近日，" + draw(sentence())
    paras = [lead] + [draw(sentence()) + draw(sentence()) for _ in range(draw(st.integers(1, 4)))]
    blocks = [title]
    for p in paras:
        cut = draw(st.integers(0, len(p) - 1))
        if 3 < cut < len(p) - 3 and draw(st.booleans()):
            blocks += [p[:cut], p[cut:]]  # a column break
        else:
            blocks.append(p)
    if draw(st.booleans()):
        blocks.append("（" + draw(st.text(alphabet=HAN, min_size=2, max_size=3)) + "）")
    return blocks


@st.composite
def page(draw):
    blocks = [b for _ in range(draw(st.integers(1, 3))) for b in draw(article())]
    if draw(st.booleans()) and len(blocks) > 3:  # a repeated run at the page end
        start = draw(st.integers(1, len(blocks) - 2))
        blocks += blocks[start:start + draw(st.integers(1, 3))]
    if draw(st.booleans()):
        blocks.insert(draw(st.integers(0, len(blocks))), draw(st.sampled_from(
            ["第3版", "责任编辑：张三", "图为活动现场。", "（下转第2版）", "四川科技报 2024年3月5日 星期二"])))
    gaps = [draw(st.sampled_from(["\n\n", "\n\n\n", "\n\n\n\n"])) for _ in blocks]
    return "".join(b + g for b, g in zip(blocks, gaps, strict=True))


def traced_offsets(clean):
    offsets = set()
    for art in clean.articles:
        for text in (art.title, art.subtitle, *art.paragraphs, art.byline):
            for _t0, r0, n in getattr(text, "runs", ()):
                offsets.update(range(r0, r0 + n))
    return offsets


def assert_nothing_lost(analysis, clean):
    """Every raw non-space character is in the output, or its block was removed by a named decision."""
    removed = {r.block: r for r in clean.removed}
    assert all(r.decided_by for r in removed.values())
    seen = traced_offsets(clean)
    text = analysis.page.text
    for block in analysis.blocks:
        if block.id in removed:
            continue
        missing = [o for o in range(block.start, block.end) if not text[o].isspace() and o not in seen]
        # a bracketed byline loses its brackets only, by the byline suggestion that took it
        assert all(text[o] in "()（）" for o in missing), (block.id, [text[o] for o in missing])


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(page())
def test_nothing_raw_is_lost_without_a_decision(raw):
    analysis = analyse(page_from_text(raw))
    assert_nothing_lost(analysis, apply(analysis))


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(page(), st.randoms(use_true_random=False))
def test_any_mix_of_decisions_loses_nothing_and_is_deterministic(raw, rnd):
    analysis = analyse(page_from_text(raw))
    decisions = Decisions().with_choices({s.id: rnd.random() < 0.5 for s in analysis.suggestions})
    first = apply(analysis, decisions)
    assert_nothing_lost(analysis, first)
    assert json.dumps(first.to_dict()) == json.dumps(apply(analysis, decisions).to_dict())


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(page())
def test_rejecting_every_suggestion_gives_back_the_raw_blocks(raw):
    analysis = analyse(page_from_text(raw))
    rejected = Decisions().with_choices({s.id: False for s in analysis.suggestions})
    clean = apply(analysis, rejected)
    assert len(clean.articles) == 1 and clean.removed == ()
    assert [str(p) for p in clean.articles[0].paragraphs] == [str(b.text).strip() for b in analysis.blocks]


# scraps of a page: a few short lines of newspaper characters, marks and gutters of spaces, as a damaged or
# nearly empty input gives them (a page of one header line once failed the labeller)
_SCRAP_PIECE = st.text(st.sampled_from(list("科协本报讯记者近日，。：（）“”、第版12Ab■")), max_size=18)
_SCRAP_LINE = st.builds(lambda indent, a, gap, b: indent + a + gap + b, st.sampled_from(["", "  ", "\u3000\u3000"]),
                        _SCRAP_PIECE, st.sampled_from(["", " ", "  ", "    ", "\t"]), _SCRAP_PIECE)


@example(["11、、、”"], "\n")  # a page of one line read as a byline: no article of a byline alone
@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(_SCRAP_LINE, min_size=1, max_size=12), st.sampled_from(["\n", "\n\n"]))
def test_any_scrap_of_a_page_is_analysed_and_cleaned_whatever_is_decided(lines, sep):
    raw = sep.join(lines)
    analysis = analyse(page_from_text(raw))
    for decisions in (Decisions(), Decisions(choices=tuple((s.id, not s.default) for s in analysis.suggestions))):
        clean = apply(analysis, decisions)
        assert all(a.paragraphs or a.title for a in clean.articles)


def test_every_kind_a_detector_emits_has_an_applier():
    assert set(KINDS) == set(APPLIERS)


def test_every_kind_replays_on_its_own():
    """Accepting one suggestion changes the output; the seed page and a written page hold every kind.

    A kicker only means something above a headline and a 副题 under one, so they replay on top of the
    accepted headlines; a join replays on top of the rebuilt reading order.
    """
    from .pages import KICKER_SUBTITLE_PAGE, TESSERACT_PAGE, interleaved_seed_page
    analyses = [analyse(load_page(SEED)), analyse(page_from_text(KICKER_SUBTITLE_PAGE)),
                analyse(page_from_text(TESSERACT_PAGE)), analyse(page_from_text(interleaved_seed_page()))]
    seen = set()
    for analysis in analyses:
        nothing = Decisions().with_choices({s.id: False for s in analysis.suggestions})
        headlines = nothing.with_choices({s.id: True for s in analysis.suggestions if s.kind == "headline"})
        ordered = nothing.with_choices({s.id: True for s in analysis.suggestions if s.kind == "order"})
        for s in analysis.suggestions:
            # a join of pieces the rebuilt reading order brings together replays on top of that order
            start = headlines if s.kind in ("kicker", "subtitle") else ordered if s.kind == "join" else nothing
            base = json.dumps(apply(analysis, start).to_dict(), ensure_ascii=False)
            one = apply(analysis, start.with_choice(s.id, True))
            assert json.dumps(one.to_dict(), ensure_ascii=False) != base, s
            seen.add(s.kind)
    assert seen == set(KINDS)


def test_suggestion_ids_are_stable_across_analyses():
    a, b = analyse(load_page(SEED)), analyse(load_page(SEED))
    assert [s.id for s in a.suggestions] == [s.id for s in b.suggestions]
    assert len({s.id for s in a.suggestions}) == len(a.suggestions)


def test_decisions_round_trip_through_json():
    analysis = analyse(load_page(SEED))
    d = (Decisions().with_choice(analysis.suggestions[0].id, False).with_role(analysis.blocks[3].id, "furniture")
         .with_edit("b0:title", "x", "y").with_move(analysis.blocks[1].id, "").with_split(analysis.blocks[2].start + 3))
    assert Decisions.from_json(d.to_json()) == d
    assert apply(analysis, Decisions.from_json(d.to_json())).to_dict() == apply(analysis, d).to_dict()


def test_progress_is_reported_in_order():
    seen = []
    analyse(load_page(SEED), progress=lambda fraction, stage: seen.append((fraction, stage)))
    fractions = [f for f, _ in seen]
    assert fractions == sorted(fractions) and fractions[0] == 0.0 and fractions[-1] == 1.0
    assert {"lines", "repeats", "order", "labels", "assemble"} <= {stage for _, stage in seen}


def test_line_numbers():
    page = page_from_text("一\n二\n\n三")
    assert [page.line_of(o) for o in (0, 1, 2, 4, 5)] == [1, 1, 2, 3, 4]
