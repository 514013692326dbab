"""Session files: what they hold, where they live, restoring them onto the same or a changed page."""
from __future__ import annotations

import hashlib
import json
import os
from pathlib import Path

import pytest

from kexie_gui.core import Decisions, KexieError, analyse, page_from_text
from kexie_gui.core.apply import split_blocks_at
from kexie_gui.session import (
    FORMAT,
    SESSION_SUFFIX,
    VERSION,
    SessionError,
    load_session,
    read_session_file,
    save_session,
    session_candidates,
    session_path_for,
)

from .conftest import SMALL, articles, busy_decisions, opened


def _decision_count(d: Decisions) -> int:
    return len(d.choices) + len(d.roles) + len(d.edits) + len(d.moves) + len(d.splits)


def test_session_file_holds_page_decisions_and_fingerprints(seed):
    page, analysis = opened(seed)
    d = busy_decisions(analysis)
    path = save_session(seed, page, d, analysis=analysis, extra={"status": "review", "done": False})
    assert path == seed.with_name(seed.name + SESSION_SUFFIX)
    doc = json.loads(path.read_text(encoding="utf-8"))
    assert doc["format"] == FORMAT and doc["version"] == VERSION
    assert doc["page"]["sha256"] == page.sha256 == hashlib.sha256(seed.read_bytes()).hexdigest()
    assert doc["page"]["source"] == seed.name and doc["page"]["size"] == seed.stat().st_size
    assert Decisions.from_dict(doc["decisions"]) == d
    assert doc["status"] == "review" and doc["extra"] == {"status": "review", "done": False}
    blocks = doc["anchors"]["blocks"]
    for bid, _ in d.roles:
        assert blocks[bid]["text"]
    for bid, before in d.moves:
        assert bid in blocks and before in blocks
    for key, _ in d.edits:
        assert key.partition(":")[0] in blocks
    for sid, _ in d.choices:
        fp = doc["anchors"]["suggestions"][sid]
        s = analysis.suggestion(sid)
        assert fp["kind"] == s.kind
        assert [b["text"] for b in fp["blocks"]] == [str(analysis.block(b).text) for b in s.blocks]
    assert set(doc["anchors"]["splits"]) == {str(o) for o in d.splits}


def test_same_page_restores_everything_as_is(seed):
    page, analysis = opened(seed)
    d = busy_decisions(analysis)
    save_session(seed, page, d, analysis=analysis, extra={"status": "review"})
    result = load_session(seed, page, analysis)
    assert result.decisions == d
    assert result.found and not result.page_changed and result.lost == ()
    assert result.restored == result.total == _decision_count(d)
    assert result.status == "review"
    assert result.summary() == f"Restored {result.total} decision(s) from {seed.name}{SESSION_SUFFIX}."
    assert result.summary("zh") == f"已从 {seed.name}{SESSION_SUFFIX} 恢复 {result.total} 项决定。"


def test_no_session_gives_empty_decisions(seed):
    page, analysis = opened(seed)
    result = load_session(seed, page, analysis)
    assert result.decisions == Decisions() and not result.found
    assert result.summary() == "No saved session for this page."
    assert result.summary("zh") == "此页没有保存的会话。"


def test_save_without_analysis_analyses_the_page(small):
    page, analysis = opened(small)
    d = busy_decisions(analysis)
    save_session(small, page, d)
    assert load_session(small, page, analysis).decisions == d


def test_changed_page_reanchors_and_load_never_writes(seed):
    page, analysis = opened(seed)
    d = busy_decisions(analysis)
    session = save_session(seed, page, d, analysis=analysis)
    before = session.read_bytes()
    seed.write_bytes(b"\n\n\n" + seed.read_bytes())  # every raw offset moves by 3
    page2, analysis2 = opened(seed)
    result = load_session(seed, page2, analysis2)
    assert result.page_changed and result.lost == () and result.notes == ()
    assert result.restored == result.total == _decision_count(d)
    kept = result.decisions
    assert (kept.choices, kept.roles, kept.edits, kept.moves) == (d.choices, d.roles, d.edits, d.moves)  # ids
    assert kept.splits == tuple(o + 3 for o in d.splits)  # raw offsets moved ...
    assert articles(analysis2, result.decisions) == articles(analysis, d)  # ... the work did not
    assert session.read_bytes() == before
    assert sorted(p.name for p in seed.parent.iterdir()) == sorted([seed.name, session.name])


def test_a_page_changed_elsewhere_keeps_every_id_without_searching(small, monkeypatch):
    """A line added above, CRLF, a re-OCR with other spacing: ids are made of content, nothing is re-anchored."""
    from kexie_gui.session import restore

    page, analysis = opened(small)
    spaced = next(b for b in analysis.blocks if str(b.text).startswith("本报讯"))
    d = busy_decisions(analysis).with_split(spaced.text.raw_offset(str(spaced.text).index("37家")))
    save_session(small, page, d, analysis=analysis)
    changed = ("新加的一行\n\n" + SMALL).replace("本报讯 近日", "本 报 讯 近日").replace("\n", "\r\n")
    small.write_bytes(changed.encode("utf-8"))
    page2, analysis2 = opened(small)

    def no_search(*args):
        raise AssertionError("an id the page still has was searched for")

    monkeypatch.setattr(restore._Matcher, "find", no_search)
    result = load_session(small, page2, analysis2)
    assert result.page_changed and result.lost == () and result.notes == ()
    kept = result.decisions
    assert (kept.choices, kept.roles, kept.edits, kept.moves) == (d.choices, d.roles, d.edits, d.moves)
    assert len(kept.splits) == len(d.splits) == 2  # each at the same place of its block:
    assert [page2.text[o:o + 3] for o in kept.splits] == [page.text[o:o + 3] for o in d.splits]


def test_next_save_keeps_a_copy_of_a_session_for_other_contents(seed):
    page, analysis = opened(seed)
    session = save_session(seed, page, busy_decisions(analysis), analysis=analysis)
    old = session.read_bytes()
    save_session(seed, page, Decisions(), analysis=analysis)  # same contents: simply replaced
    assert [p.name for p in seed.parent.glob("*.bak-*")] == []
    session.write_bytes(old)
    seed.write_bytes(seed.read_bytes() + "\n补记一段。\n".encode())
    page2, analysis2 = opened(seed)
    restored = load_session(seed, page2, analysis2).decisions
    save_session(seed, page2, restored, analysis=analysis2)
    backups = list(seed.parent.glob(f"{session.name}.bak-*"))
    assert len(backups) == 1 and backups[0].read_bytes() == old
    assert read_session_file(session)["page"]["sha256"] == page2.sha256
    save_session(seed, page2, restored, analysis=analysis2)  # now it matches: no second copy
    assert len(list(seed.parent.glob(f"{session.name}.bak-*"))) == 1


def test_a_slightly_changed_block_keeps_its_decisions_with_a_note(small):
    page, analysis = opened(small)
    target = next(b for b in analysis.blocks if str(b.text).startswith("市科协负责人"))
    d = Decisions().with_role(target.id, "subtitle")
    save_session(small, page, d, analysis=analysis)
    small.write_text(SMALL.replace("立会之本", "立会之基"), encoding="utf-8")  # an OCR fix by hand
    page2, analysis2 = opened(small)
    result = load_session(small, page2, analysis2)
    assert result.lost == ()
    (bid, role), = result.decisions.roles
    assert role == "subtitle" and str(analysis2.block(bid).text).startswith("市科协负责人")
    (note,) = result.notes
    line = analysis2.block(bid).line_start
    assert note.render("en") == f"line {line}: a decision was placed on text that changed; check it"
    assert note.render("zh") == f"第{line}行：有一项决定放在了已改动的文字上，请核对"


def test_decisions_on_removed_text_are_listed_as_lost(small):
    page, analysis = opened(small)
    gone = next(b for b in analysis.blocks if str(b.text).startswith("市科协负责人"))
    kept = next(b for b in analysis.blocks if str(b.text).startswith("日前"))
    d = Decisions().with_role(gone.id, "subtitle").with_role(kept.id, "title")
    save_session(small, page, d, analysis=analysis)
    small.write_text(SMALL.replace("市科协负责人指出，学会要聚焦主责主业，把服务科技工作者作为立会之本。\n\n", ""),
                     encoding="utf-8")
    page2, analysis2 = opened(small)
    result = load_session(small, page2, analysis2)
    (lost,) = result.lost
    assert lost.what == "role" and lost.key == gone.id and lost.line == gone.line_start
    t, line = "“市科协负责人指出，学会要聚焦主责…”", gone.line_start
    assert lost.message.render("en") == (f"line {line}: the role “subtitle” of {t} is lost: "
                                         f"that text is no longer on the page")
    assert lost.message.render("zh") == f"第{line}行：{t}的角色“subtitle”已丢失：该文字已不在页面上"
    assert [role for _, role in result.decisions.roles] == ["title"]
    assert result.restored == 1 and result.total == 2
    name = small.name + SESSION_SUFFIX
    assert result.summary() == (f"The page changed since {name} was saved: 1 of 2 decision(s) restored, 1 could "
                                f"not be placed and are lost. The session file is kept as it is; saving keeps a "
                                f"copy of it as {name}.bak-<time>.")
    assert result.summary("zh") == (f"页面在保存 {name} 之后已改动：2 项决定中恢复了 1 项，1 项无法定位而丢失。"
                                    f"会话文件保持原样；保存时会另存一份 {name}.bak-<时间>。")


def test_a_choice_on_a_suggestion_no_longer_made_is_lost(small):
    page, analysis = opened(small)
    join = next(s for s in analysis.suggestions if s.kind == "join")
    d = Decisions().with_choice(join.id, False)
    save_session(small, page, d, analysis=analysis)
    small.write_text(SMALL.replace("存在的问题，\n\n并对", "存在的问题，并对"), encoding="utf-8")  # joined by hand
    page2, analysis2 = opened(small)
    result = load_session(small, page2, analysis2)
    (lost,) = result.lost
    assert lost.what == "choice"
    assert lost.message.render("en").startswith(f"line {lost.line}: your choice to reject the join fragments "
                                                f"suggestion on “")
    assert lost.message.render("zh").startswith(f"第{lost.line}行：对“")
    assert "的接续断段建议的拒绝已丢失：" in lost.message.render("zh")
    assert result.decisions == Decisions()


def test_copies_of_the_same_text_keep_their_order(tmp_path):
    text = ("标题一则科协新闻\n\n重复的一段文字，两处都印了。\n\n中间的一段不同的文字。\n\n"
            "重复的一段文字，两处都印了。\n")
    path = tmp_path / "dup.txt"
    path.write_text(text, encoding="utf-8")
    page, analysis = opened(path)
    copies = [b for b in analysis.blocks if str(b.text).startswith("重复")]
    d = Decisions().with_role(copies[1].id, "furniture")
    save_session(path, page, d, analysis=analysis)
    path.write_text("\n" + text, encoding="utf-8")
    page2, analysis2 = opened(path)
    result = load_session(path, page2, analysis2)
    new_copies = [b for b in analysis2.blocks if str(b.text).startswith("重复")]
    assert result.decisions.roles == ((new_copies[1].id, "furniture"),) and result.notes == ()
    path.write_text(text + "\n重复的一段文字，两处都印了。\n", encoding="utf-8")  # now three copies
    page3, analysis3 = opened(path)
    result = load_session(path, page3, analysis3)
    third = [b for b in analysis3.blocks if str(b.text).startswith("重复")]
    assert result.decisions.roles == ((third[1].id, "furniture"),)  # the one after 中间, nearest its old place
    assert result.lost == () and result.notes[0].render("en").endswith("check it")


def test_a_copy_that_cannot_be_told_apart_is_lost(tmp_path):
    path = tmp_path / "dup.txt"
    path.write_text("标题一则科协新闻\n\n前面的一段文字。\n\n重复的一段文字。\n\n后面的一段文字。\n", encoding="utf-8")
    page, analysis = opened(path)
    (x,) = [b for b in analysis.blocks if str(b.text).startswith("重复")]
    save_session(path, page, Decisions().with_role(x.id, "subtitle"), analysis=analysis)
    # two copies now, neither between the old neighbours, one block either side of the old place
    path.write_text("标题一则科协新闻\n\n重复的一段文字。\n\n另一段文字。\n\n重复的一段文字。\n\n再一段文字。\n",
                    encoding="utf-8")
    page2, analysis2 = opened(path)
    result = load_session(path, page2, analysis2)
    (lost,) = result.lost
    assert lost.message.render("en").endswith("is lost: the text now occurs 2 times on the page (it occurred 1 "
                                              "time(s)); cannot tell which copy is meant")
    assert lost.message.render("zh").endswith("已丢失：该文字现在在页面上出现 2 次（原为 1 次），无法判断是哪一处")
    assert result.decisions == Decisions()


def test_a_split_follows_its_text_in_a_changed_block(small):
    page, analysis = opened(small)
    block = next(b for b in analysis.blocks if str(b.text).startswith("本报讯"))
    k = str(block.text).index("37家")
    d = Decisions().with_split(block.text.raw_offset(k))
    save_session(small, page, d, analysis=analysis)
    small.write_text("\n" + SMALL.replace("本报讯 近日", "本报讯 日前"), encoding="utf-8")
    page2, analysis2 = opened(small)
    result = load_session(small, page2, analysis2)
    assert result.lost == ()
    (offset,) = result.decisions.splits
    assert page2.text[offset:offset + 3] == "37家"


def test_same_contents_but_unknown_ids_are_found_by_content(seed):
    """A newer kexie may name suggestions differently: same page, ids re-anchored by their fingerprints."""
    page, analysis = opened(seed)
    s = next(s for s in analysis.suggestions if s.kind == "join")
    session = save_session(seed, page, Decisions().with_choice(s.id, False), analysis=analysis)
    doc = json.loads(session.read_text(encoding="utf-8"))
    doc["decisions"]["choices"] = {"join-0000000000": False}
    doc["anchors"]["suggestions"] = {"join-0000000000": doc["anchors"]["suggestions"][s.id]}
    session.write_text(json.dumps(doc, ensure_ascii=False), encoding="utf-8")
    result = load_session(seed, page, analysis)
    assert result.decisions.choices == ((s.id, False),) and result.lost == ()


@pytest.mark.parametrize("content, expected", [
    (b"{not json", "damaged (not valid JSON at line 1)"),
    (b"\xff\xfe\x00garbage", "damaged (not UTF-8 text)"),
    (b"[]", "not a kexie session file"),
    (json.dumps({"format": "something-else"}).encode(), "not a kexie session file"),
    (json.dumps({"format": FORMAT, "version": 99, "page": {"sha256": "x"}}).encode(), "saved by a newer kexie"),
    (json.dumps({"format": FORMAT, "version": 0}).encode(), "unknown format version 0"),
    (json.dumps({"format": FORMAT, "version": "1"}).encode(), "unknown format version '1'"),
    (json.dumps({"format": FORMAT, "version": 1}).encode(), "the page record is missing"),
    (json.dumps({"format": FORMAT, "version": 1, "page": {"sha256": "x"},
                 "decisions": {"roles": {"b1": "emperor"}}}).encode(), "the decisions cannot be read"),
    (json.dumps({"format": FORMAT, "version": 1, "page": {"sha256": "x"},
                 "decisions": {"edits": {"b1": 5}}}).encode(), "the decisions cannot be read"),
    (json.dumps({"format": FORMAT, "version": 1, "page": {"sha256": "x"},
                 "anchors": {"blocks": []}}).encode(), "anchors.blocks is not a JSON object"),
    (json.dumps({"format": FORMAT, "version": 1, "page": {"sha256": "x"},
                 "anchors": {"splits": {"5": {"block": {"text": "x", "nth": 2, "of": 1}, "at": 1}}}}).encode(),
     "the fingerprint anchors.splits.5 is not one kexie writes"),
])
def test_damaged_or_unknown_session_files_raise_a_clear_error(seed, content, expected):
    page, analysis = opened(seed)
    session = seed.with_name(seed.name + SESSION_SUFFIX)
    session.write_bytes(content)
    with pytest.raises(SessionError) as err:
        load_session(seed, page, analysis)
    assert isinstance(err.value, KexieError)
    message = str(err.value)
    assert str(session) in message and expected in message and "\n" not in message
    assert session.read_bytes() == content  # kept for the editor (or a newer kexie)


def test_saving_over_a_damaged_session_keeps_a_copy(seed):
    page, analysis = opened(seed)
    session = seed.with_name(seed.name + SESSION_SUFFIX)
    session.write_bytes(b"{half a fi")
    save_session(seed, page, Decisions(), analysis=analysis)
    (backup,) = seed.parent.glob("*.bak-*")
    assert backup.read_bytes() == b"{half a fi"
    assert load_session(seed, page, analysis).found


def test_unreadable_session_file(seed, monkeypatch):
    page, analysis = opened(seed)
    session = save_session(seed, page, Decisions(), analysis=analysis)
    real = Path.read_bytes

    def refuse(self):
        if self == session:
            raise PermissionError(13, "Permission denied")
        return real(self)

    monkeypatch.setattr(Path, "read_bytes", refuse)
    with pytest.raises(SessionError, match=r"cannot read the session file \(Permission denied\)"):
        load_session(seed, page, analysis)


def test_project_folder(seed, tmp_path):
    page, analysis = opened(seed)
    project = tmp_path / "project"
    assert session_path_for(seed, project) == project / (seed.name + SESSION_SUFFIX)
    d = busy_decisions(analysis)
    path = save_session(seed, page, d, analysis=analysis, project_dir=project)
    assert path.parent == project and not seed.with_name(seed.name + SESSION_SUFFIX).exists()
    assert load_session(seed, page, analysis, project_dir=project).decisions == d
    assert not load_session(seed, page, analysis).found


def test_read_only_page_folder_falls_back_to_the_user_data_folder(tmp_path, data_dir, monkeypatch):
    folders = [tmp_path / "cd1", tmp_path / "cd2"]
    pages = []
    for f in folders:
        f.mkdir()
        (f / "page.txt").write_text(SMALL, encoding="utf-8")
        pages.append(f / "page.txt")
    real_access = os.access
    monkeypatch.setattr(os, "access", lambda p, mode, **kw: False if Path(p) in folders else real_access(p, mode, **kw))
    paths = [session_path_for(p) for p in pages]
    assert paths[0] != paths[1]  # same name, different folders
    assert all(p.parent == data_dir / "sessions" and p.name.startswith("page.txt-") for p in paths)
    page, analysis = opened(pages[0])
    d = busy_decisions(analysis)
    assert save_session(pages[0], page, d, analysis=analysis) == paths[0]
    assert load_session(pages[0], page, analysis).decisions == d
    assert not load_session(pages[1], page, analysis).found
    monkeypatch.setattr(os, "access", real_access)  # the folder became writable: the saved session is still found
    assert session_candidates(pages[0]) == [paths[0]]
    assert load_session(pages[0], page, analysis).decisions == d


def test_save_errors_are_session_errors_naming_the_file(seed, monkeypatch):
    page, analysis = opened(seed)
    monkeypatch.setattr(os, "open", _refuse_writes(os.open, PermissionError(13, "Permission denied")))
    with pytest.raises(SessionError) as err:
        save_session(seed, page, Decisions(), analysis=analysis)
    assert str(err.value).startswith(str(seed.with_name(seed.name + SESSION_SUFFIX)) + ": cannot save the session")
    assert "permission denied" in str(err.value) and "instead failed too (permission denied" in str(err.value)
    assert "\n" not in str(err.value)


def test_a_folder_that_refuses_the_write_sends_the_session_to_the_user_data_folder(seed, data_dir, monkeypatch):
    """os.access said yes (a network share, an ACL) but the write is refused: save elsewhere, find it again."""
    page, analysis = opened(seed)
    d = busy_decisions(analysis)
    real_open = os.open

    def refuse_in_page_folder(path, flags, *args, **kw):
        if flags & os.O_WRONLY and Path(path).parent == seed.parent:
            raise PermissionError(13, "Permission denied")
        return real_open(path, flags, *args, **kw)

    monkeypatch.setattr(os, "open", refuse_in_page_folder)
    path = save_session(seed, page, d, analysis=analysis)
    assert path.parent == data_dir / "sessions"
    assert sorted(p.name for p in seed.parent.iterdir()) == [seed.name]
    assert load_session(seed, page, analysis).decisions == d


def test_disk_full_is_not_a_reason_to_write_elsewhere(seed, data_dir, monkeypatch):
    page, analysis = opened(seed)
    monkeypatch.setattr(os, "open", _refuse_writes(os.open, OSError(28, "No space left on device")))
    with pytest.raises(SessionError, match=r"cannot save the session: the disk is full$"):
        save_session(seed, page, Decisions(), analysis=analysis)
    assert not (data_dir / "sessions").exists()


def _refuse_writes(real_open, exc):
    def fake(path, flags, *args, **kw):
        if flags & os.O_WRONLY:
            raise exc
        return real_open(path, flags, *args, **kw)
    return fake


def test_extra_must_be_json_and_nothing_is_written_otherwise(seed):
    page, analysis = opened(seed)
    with pytest.raises(TypeError):
        save_session(seed, page, Decisions(), analysis=analysis, extra={"when": object()})
    assert not seed.with_name(seed.name + SESSION_SUFFIX).exists()


def test_analysis_of_another_page_is_refused(seed, small):
    page, _ = opened(seed)
    _, other = opened(small)
    with pytest.raises(ValueError):
        save_session(seed, page, Decisions(), analysis=other)


def test_page_from_text_sessions_work_too(tmp_path):
    page = page_from_text(SMALL, str(tmp_path / "typed.txt"))
    analysis = analyse(page)
    d = busy_decisions(analysis)
    save_session(tmp_path / "typed.txt", page, d, analysis=analysis)
    assert load_session(tmp_path / "typed.txt", page, analysis).decisions == d
    assert not (tmp_path / "typed.txt").exists()  # the page itself need not be on disk


def test_decisions_that_refer_to_nothing_are_kept_as_is_on_the_same_page_and_left_out_on_a_changed_one(small):
    """A role on the second piece of a split that was undone has no effect -- until the editor splits again."""
    page, analysis = opened(small)
    block = next(b for b in analysis.blocks if str(b.text).startswith("本报讯"))
    offset = block.text.raw_offset(5)
    live = next(b for b in analysis.blocks if str(b.text).startswith("日前"))
    piece = next(b.id for b in split_blocks_at(analysis.blocks, (offset,)) if b.start == offset)
    d = (Decisions().with_split(offset).with_role(piece, "title").without_split(offset)
         .with_role(live.id, "subtitle").with_move(live.id, "b-nothing"))
    session = save_session(small, page, d, analysis=analysis)
    doc = json.loads(session.read_text(encoding="utf-8"))
    assert doc["anchors"]["blocks"][piece] is None and doc["anchors"]["blocks"]["b-nothing"] is None
    same = load_session(small, page, analysis)
    assert same.decisions == d and same.lost == ()
    assert same.restored == same.total == 2  # the role on the undone split's piece takes no effect: not counted
    (note,) = same.notes
    assert note.render("en") == "1 saved decision(s) have no effect on the page (kept as saved)"
    assert note.render("zh") == "1 项保存的决定对此页不起作用（按原样保留）"
    small.write_text("\n" + SMALL, encoding="utf-8")
    page2, analysis2 = opened(small)
    changed = load_session(small, page2, analysis2)
    new_live = next(b for b in analysis2.blocks if str(b.text).startswith("日前"))
    assert changed.decisions.roles == ((new_live.id, "subtitle"),)
    assert changed.decisions.moves == ((new_live.id, ""),)  # "before nothing" is the page end, as before
    assert changed.lost == () and changed.restored == changed.total == 2
    assert [n.render("en") for n in changed.notes] == [
        "1 saved decision(s) that had no effect on the page were left out"]
    assert [n.render("zh") for n in changed.notes] == ["1 项保存的决定对此页不起作用，已略去"]
    assert articles(analysis2, changed.decisions) == articles(analysis, d)


def test_fingerprints_cover_every_field_of_decisions():
    """A new kind of decision must get a fingerprint too, or a changed page would drop it silently."""
    import dataclasses

    assert [f.name for f in dataclasses.fields(Decisions)] == ["choices", "roles", "edits", "moves", "splits",
                                                                "joined"]


def test_pieces_joined_by_hand_are_carried_over_to_a_changed_page():
    from kexie_gui.core import page_from_text
    from kexie_gui.session import restore_decisions, session_document

    raw = "标题一行\n\n正文第一段的前半，\n\n后半在这里。\n"
    page = page_from_text(raw, "p.txt")
    analysis = analyse(page)
    second = analysis.blocks[2].id
    d = Decisions().with_joined(second)
    doc = session_document("p.txt", page, d, analysis, {})
    changed = page_from_text("新加的一行\n\n" + raw, "p.txt")
    analysis2 = analyse(changed)
    result = restore_decisions(doc, changed, analysis2, None)
    assert result.lost == () and len(result.decisions.joined) == 1
    assert analysis2.block(result.decisions.joined[0]).text.strip() == "后半在这里。"
