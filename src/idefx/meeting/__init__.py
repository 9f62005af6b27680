"""Reading meetings out of a Doc, for the ``idefx_meetings`` component: one object per job (see
docs/ARCHITECTURE_MEETINGS.md). None of these modules is a component; the component wires them."""
