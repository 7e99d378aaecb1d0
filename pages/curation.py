"""Curation: correct the record (reject, correct, confirm, merge, undo) and teach fanboard new names.

Every action is checked against the tables, recorded in the curation log (data/curation/) and
followed by a rebuild, so the pages show it at once and every later build keeps it.
"""
import streamlit as st

from fanboard import store, views
from fanboard.curation import FIELDS, Curator
from fanboard.curation_store import CurationError
from fanboard.localkb import LocalKB, LocalKBError
from fanboard.views import curation as cv
from pages._shared import dashboard, show_table

d = dashboard()
loc = store.Locations.from_env()
st.title("Curation")
st.caption("Correct what the rules got wrong. Corrections are kept in a log and survive every rebuild; "
           "a corrected row carries a badge on every page.")
if "curation_message" in st.session_state:
    st.success(st.session_state.pop("curation_message"))


def rebuild(done: str) -> None:
    """Rebuild the tables so the change shows, then rerun every page on the new tables."""
    with st.spinner("Rebuilding the tables…"):
        try:
            built = store.rebuild(loc.store, loc.tables, loc.cache)
        except store.StoreError as exc:
            st.error(views.md_escape(str(exc)))
            return
    st.cache_data.clear()
    st.session_state["curation_message"] = f"{done} Tables rebuilt: {built.summary}."
    st.rerun()


def record(action) -> None:
    try:
        rec = action(Curator(d.tables))
    except CurationError as exc:
        st.error(f"{views.md_escape(str(exc))}. Nothing was written.")
        return
    rebuild(f"Recorded {rec['id']}.")


tables = list(cv.TABLE_LABELS)
wanted = st.query_params.get("table")
table = st.selectbox("Table", tables, index=tables.index(wanted) if wanted in tables else 0,
                     format_func=cv.TABLE_LABELS.get, key="curation_table")
rows = cv.curation_rows(d.tables, table)
if rows.empty:
    st.info("This table has no rows.")
else:
    keys = list(rows["key"])
    labels = dict(zip(rows["key"], [f"{b + ' · ' if b else ''}{r}" for r, b in zip(rows["row"], rows["badge"])]))
    want_key = st.query_params.get("key")
    key = st.selectbox("Row", keys, index=keys.index(want_key) if want_key in keys else 0,
                       format_func=lambda k: labels.get(k, k), key="curation_row")
    detail = cv.row_detail(d.tables, table, key)
    st.markdown(f"Key `{key}`" + (f" · **{cv.badge(detail['row'].get('curated'))}**" if detail["row"].get("curated") else ""))
    with st.expander("Original values and sources", expanded=bool(want_key)):
        if not detail["history"].empty:
            show_table(detail["history"], hide_index=True, key="curation_history")
        st.markdown("Sources: " + (", ".join(d.labels.get(a, a) for a in detail["sources"]) or "none"))
        if detail["quote"]:
            st.markdown(f"> {views.md_escape(detail['quote'])}")
    reject, correct, confirm, merge = st.tabs(["Reject", "Correct a field", "Confirm", "Merge"])
    with reject:
        why = st.text_input("Why is it wrong? (optional)", key="curation_why_reject")
        if st.button("Reject this row", key="curation_reject"):
            record(lambda c: c.reject(table, key, why))
    with correct:
        fields = list(FIELDS[table])
        want_field = st.query_params.get("field")
        field = st.selectbox("Field", fields, index=fields.index(want_field) if want_field in fields else 0,
                             key="curation_field")
        st.caption(f"Now: {detail['row'].get(field, '') or 'empty'}")
        value = st.text_input("Correct value", key="curation_value")
        why = st.text_input("Why? (optional)", key="curation_why_set")
        if st.button("Save the correction", key="curation_set"):
            record(lambda c: c.set(table, key, field, value, why))
    with confirm:
        if st.button("Confirm: a person checked this row", key="curation_confirm"):
            record(lambda c: c.confirm(table, key))
    with merge:
        others = [k for k in keys if k != key]
        other = st.selectbox("The same thing as", others, format_func=lambda k: labels.get(k, k),
                             key="curation_other") if others else None
        if other and st.button("Merge into this row", key="curation_merge"):
            record(lambda c: c.merge(table, key, other))

st.header("Corrections")
log = cv.curation_log(d.tables)
if log.empty:
    st.caption("No corrections yet.")
else:
    show_table(log, hide_index=True, key="curation_log")
    target = st.selectbox("Action to undo", list(log["id"]), key="curation_undo_id")
    if st.button("Undo", key="curation_undo"):
        record(lambda c: c.undo(target))

st.header("Unknown names")
st.caption("Names the articles use that the knowledge base lacks. Add one, and the next build knows it.")
names = cv.unknown_names(d.tables)
if names.empty:
    st.caption("None.")
else:
    show_table(names, hide_index=True, key="unknown_names")
    pick = st.selectbox("Unknown name", list(range(len(names))), key="unknown_pick",
                        format_func=lambda i: f"{names.iloc[i]['name']} ({names.iloc[i]['kind']}, {names.iloc[i]['count']}×)")
    chosen = names.iloc[pick]
    from fanboard.kb import KB, ROLES
    kb = KB.load()
    clubs = sorted(c.name for c in kb.clubs)
    person, alias, ignore = st.tabs(["Add as a person", "Add as an alias", "Ignore"])
    local = LocalKB()

    def kb_action(action, done: str) -> None:
        try:
            action()
        except LocalKBError as exc:
            st.error(views.md_escape(str(exc)))
            return
        rebuild(done)

    with person:
        name = st.text_input("Name", value=chosen["name"], key=f"unknown_name_{pick}")
        club = st.selectbox("Club", clubs, index=clubs.index(chosen["club"]) if chosen["club"] in clubs else 0,
                            key=f"unknown_club_{pick}")
        role = st.selectbox("Role", list(ROLES), key="unknown_role")
        aliases = st.text_input("Aliases (separated by |)", key="unknown_aliases")
        if st.button("Add this person", key="unknown_add_person"):
            kb_action(lambda: local.add_person(name, club, role, [a for a in aliases.split("|") if a.strip()]),
                      f"Added {name}.")
    with alias:
        kind = st.radio("An alias of a", ["person", "club"], horizontal=True, key="unknown_alias_kind")
        target = st.text_input(f"The {kind} (name or id)", key="unknown_alias_target")
        if st.button("Add this alias", key="unknown_add_alias"):
            kb_action(lambda: local.add_alias(kind, target, chosen["name"]), f"Added the alias {chosen['name']}.")
    with ignore:
        if st.button("Ignore this name", key="unknown_ignore"):
            kb_action(lambda: local.ignore(chosen["name"]), f"{chosen['name']} is ignored.")
