"""nbconvert's HTML of a notebook run on the BASIC kernel colours BASIC with our lexer."""

from __future__ import annotations

import nbformat
from nbclient import NotebookClient
from nbconvert import HTMLExporter


def test_html_of_a_basic_notebook_highlights_basic():
    notebook = nbformat.v4.new_notebook(cells=[
        nbformat.v4.new_code_cell('10 PRINT "HI"\n20 END'),
        nbformat.v4.new_code_cell('PRINT "DONE"')])
    notebook.metadata["kernelspec"] = {"name": "basic", "display_name": "BASIC (Time Warp)",
                                       "language": "basic"}
    NotebookClient(notebook, kernel_name="basic", timeout=60).execute()
    assert notebook.metadata["language_info"]["pygments_lexer"] == "basic-timewarp"
    assert notebook.cells[1].outputs[0]["text"] == "DONE\n"
    html, _ = HTMLExporter().from_notebook_node(notebook)
    # Our lexer by name, and its tokens: a line label, a keyword, a string.
    assert 'class="highlight hl-basic-timewarp"' in html
    assert '<span class="nl">10</span>' in html
    assert '<span class="k">PRINT</span>' in html
    assert '<span class="s2">"HI"</span>' in html
