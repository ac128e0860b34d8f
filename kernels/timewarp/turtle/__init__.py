"""The turtle every Time Warp language draws with: a model that logs each drawing command
(``model``), and the renderers that read that log: the live ipycanvas view (``canvas``), still
PNG and SVG pictures (``picture``), GW-BASIC's screen graphics (``screen``) and Python's turtle
names (``python_api``)."""
