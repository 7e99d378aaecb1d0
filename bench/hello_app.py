"""The reference for the dashboard's cold start: one page, one Altair chart, nothing else.

`python -m bench` starts it with `streamlit run bench/hello_app.py` exactly as it starts
app.py, so the ratio between the two is what fanboard adds to Streamlit's own start.

With HELLO_PEOPLE set (a JSON list of names: bench/sessions.py --app hello), it also has the
one control the 20-session load test uses, a "People" multiselect in the sidebar, and says
whom it shows ("Showing 30 days for anyone."), so the same test runs against it: the cost of
Streamlit and the browsers alone, on the same machine.
"""
import json
import os

import altair as alt
import pandas as pd
import streamlit as st

people = json.loads(os.environ.get("HELLO_PEOPLE") or "null")
if people is not None:
    with st.sidebar:
        picked = st.multiselect("People", people, placeholder="All people")
    st.markdown(f"Showing 30 days for {' or '.join(picked) or 'anyone'} .")
st.title("Hello")
data = pd.DataFrame({"day": pd.date_range("2020-10-01", periods=30, freq="D"), "value": range(30)})
st.altair_chart(alt.Chart(data).mark_line(point=True).encode(x="day:T", y="value:Q"))
