"""Analysis speed: the seed page, then generated inputs of 1 MB and 10 MB (not a timed test).

    python benchmarks/bench_core.py [--sizes 1,10]

Targets on a 2-core machine: seed < 20 ms warm and < 0.3 s as the first page of a
new process (imports and tables included), 10 MB < 10 s and < 500 MB, and 10x the input
costs at most 12x the time.  The peak resident memory printed is the process's so far
(sizes run smallest first, so it is the largest input's peak).  ``--dev`` adds dev pages of the shared corpus shuffled
together (real layouts, not generated ones), and the same with each copy's lines shuffled (repetitive
text), when ``shared/corpus`` is found beside the checkout or above it.  Generated pages hold the damage the analysis
repairs (column breaks, repeated runs, furniture) so every detector works.
"""
from __future__ import annotations

import argparse
import os
import random
import resource
import statistics
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from kexie_gui.core import analyse, apply, load_page, page_from_text  # noqa: E402

HAN = ("科协技术创新服务发展工作组织会议活动全市县区专家群众建设推动开展基地教育青少年学会人才乡村振兴产业"
       "农业园区企业高校院所合作平台成果转化示范试点调研座谈培训志愿科普宣传资料咨询健康安全生态环境数字经济")
PLACES = ["成都", "德阳", "绵阳", "自贡", "泸州", "宜宾", "乐山", "南充", "达州", "巴中", "广安", "遂宁"]


def sentence(rnd: random.Random) -> str:
    parts = ["".join(rnd.choice(HAN) for _ in range(rnd.randint(6, 18))) for _ in range(rnd.randint(1, 3))]
    return "，".join(parts) + "。"


def article(rnd: random.Random) -> list[str]:
    place = rnd.choice(PLACES)
    blocks = [f"{place}市科协{''.join(rnd.choice(HAN) for _ in range(rnd.randint(6, 14)))}"]
    paras = [f"本报讯 {rnd.randint(1, 12)}月{rnd.randint(1, 28)}日，" + sentence(rnd) + sentence(rnd)]
    paras += [sentence(rnd) + sentence(rnd) + sentence(rnd) for _ in range(rnd.randint(2, 6))]
    for p in paras:
        cut = rnd.randint(5, len(p) - 5)
        blocks += [p[:cut], p[cut:]] if rnd.random() < 0.3 else [p]
    blocks.append(f"（{''.join(rnd.choice(HAN) for _ in range(3))}）")
    if rnd.random() < 0.2:  # a run repeated after the article
        k = rnd.randint(1, len(blocks) - 2)
        blocks += blocks[k:k + 2]
    return blocks


def generated_input(size_bytes: int, seed: int = 1) -> str:
    rnd = random.Random(seed)
    out, total, page = [], 0, 0
    while total < size_bytes:
        page += 1
        blocks = [f"四川科技报 2024年{rnd.randint(1, 12)}月{rnd.randint(1, 28)}日 第{page % 8 + 1}版"]
        for _ in range(rnd.randint(3, 5)):
            blocks += article(rnd)
        blocks.append(f"责任编辑：{''.join(rnd.choice(HAN) for _ in range(3))}")
        text = "\n\n".join(blocks) + "\n\n"
        out.append(text)
        total += len(text.encode("utf-8"))
    return "".join(out)


FIRST_PAGE = """
import sys, time
t0 = time.perf_counter()
sys.path.insert(0, {root!r})
from kexie_gui.core import analyse, load_page
analyse(load_page({page!r}))
print(time.perf_counter() - t0)
"""


def first_page_seconds(page: Path, runs: int = 5) -> float:
    """Median time of a new process's first page: imports, tables and the analysis.

    Timed as an installed program starts: with its modules' bytecode cached (pip compiles it on install).
    Where ``PYTHONDONTWRITEBYTECODE`` is set (some sandboxes and CI images set it), every start would
    compile the whole package from source again — about 0.1 s on its own — so the variable is dropped
    for these runs and one untimed run writes the cache first."""
    code = FIRST_PAGE.format(root=str(ROOT), page=str(page))
    env = {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"}

    def once() -> float:
        return float(subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True,
                                    env=env).stdout)

    once()
    return statistics.median(once() for _ in range(runs))


def dev_dir() -> Path | None:
    """The shared corpus's dev pages: ``../shared`` of the checkout or of any folder above it (a worktree)."""
    for up in ROOT.parents:
        if (found := up / "shared" / "corpus" / "dev").is_dir():
            return found
    return None


def shuffled_dev(size_bytes: int, seed: int = 1, shuffle_lines: bool = False) -> str | None:
    """Dev pages of the shared corpus, shuffled and concatenated to ``size_bytes`` (None without the corpus).

    With ``shuffle_lines`` each copy's lines are shuffled too, so copies repeat lines but never whole pages:
    the repetitive text on which the duplicate finder's candidate index must bound its fan-out.
    """
    folder = dev_dir()
    pages = sorted(folder.glob("*.txt")) if folder else []
    if not pages:
        return None
    rnd = random.Random(seed)
    from kexie_gui.core import load_page

    texts = [load_page(p).text for p in pages]  # some dev pages are GB18030 or UTF-16: decoded as kexie does
    out, total = [], 0
    while total < size_bytes:
        text = rnd.choice(texts).rstrip("\n")
        if shuffle_lines:
            lines = text.split("\n")
            rnd.shuffle(lines)
            text = "\n".join(lines)
        out.append(text + "\n\n")
        total += len(out[-1].encode("utf-8"))
    return "".join(out)


def peak_rss_mb() -> float:
    """The process's peak resident memory so far, in MB (Linux reports kilobytes, macOS bytes)."""
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    return peak / (1 << 20) if sys.platform == "darwin" else peak / 1024


def timed(fn, repeat: int = 1) -> float:
    best = float("inf")
    for _ in range(repeat):
        t0 = time.perf_counter()
        fn()
        best = min(best, time.perf_counter() - t0)
    return best


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--sizes", default="1,10", help="generated input sizes in MB, comma separated")
    ap.add_argument("--dev", action="store_true", help="also the shuffled dev pages at each size")
    args = ap.parse_args()
    seed_path = ROOT / "tests" / "data" / "000_57b0e2a3ead17231.txt"
    print(f"first page of a new process: {first_page_seconds(seed_path):.2f} s median of 5 (target < 0.3 s)")
    seed = load_page(seed_path)
    analyse(seed)  # warm imports and caches
    t_seed = timed(lambda: analyse(seed), repeat=20)
    analysis = analyse(seed)
    t_apply = timed(lambda: apply(analysis), repeat=20)
    print(f"seed page ({len(seed.text.encode('utf-8'))} bytes): analyse {t_seed * 1000:.1f} ms, "
          f"apply {t_apply * 1000:.1f} ms  (target < 20 ms)")
    times = {}
    for mb in [float(x) for x in args.sizes.split(",") if x]:
        text = generated_input(int(mb * 1_000_000))
        page = page_from_text(text, f"generated-{mb:g}MB")
        t = timed(lambda page=page: analyse(page))
        a = analyse(page)
        t_ap = timed(lambda a=a: apply(a))
        times[mb] = t
        print(f"{mb:g} MB generated ({len(a.blocks)} blocks, {len(a.suggestions)} suggestions): "
              f"analyse {t:.2f} s ({t / mb:.2f} s/MB), apply {t_ap:.2f} s, peak RSS so far {peak_rss_mb():.0f} MB")
        del a
        for shuffle_lines, what in ((False, "shuffled dev pages"), (True, "dev pages, lines shuffled per copy")):
            if args.dev and (text := shuffled_dev(int(mb * 1_000_000), shuffle_lines=shuffle_lines)):
                page = page_from_text(text, f"dev-{mb:g}MB")
                t = timed(lambda page=page: analyse(page))
                print(f"{mb:g} MB of {what}: analyse {t:.2f} s ({t / mb:.2f} s/MB), "
                      f"peak RSS so far {peak_rss_mb():.0f} MB")
    if len(times) >= 2:
        small, large = min(times), max(times)
        ratio = times[large] / times[small]
        print(f"scaling: {large / small:g}x the input costs {ratio:.1f}x the time (target <= 12x)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
