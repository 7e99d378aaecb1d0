"""The reference for the dashboard's cold start: one page, one Altair chart, nothing else.

`python -m bench` starts it with `streamlit run bench/hello_app.py` exactly as it starts
app.py, so the ratio between the two is what fanboard adds to Streamlit's own start.
"""
import altair as alt
import pandas as pd
import streamlit as st

st.title("Hello")
data = pd.DataFrame({"day": pd.date_range("2020-10-01", periods=30, freq="D"), "value": range(30)})
st.altair_chart(alt.Chart(data).mark_line(point=True).encode(x="day:T", y="value:Q"))
