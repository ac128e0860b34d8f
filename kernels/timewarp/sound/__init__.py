"""Music as the languages make it: a list of tones (:mod:`.tune`) and a WAV made from it
(:mod:`.synth`).  Headless: the Jupyter kernel and the command line decide where the WAV goes."""
