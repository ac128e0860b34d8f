"""QBasic arrays and procedure parameters: whole arrays passed to SUB and FUNCTION, UBOUND and
LBOUND, DIM with lo TO hi, arguments by reference, and STATIC variables."""

from __future__ import annotations

import pytest

from timewarp.basic.completion import complete_word
from timewarp.basic.errors import BasicError

from .conftest import run


def error_of(source: str) -> str:
    with pytest.raises(BasicError) as caught:
        run(source)
    return caught.value.message


# 1. Whole arrays as parameters, by reference

def test_a_sub_reads_and_changes_the_callers_array():
    source = ("DIM scores(3)\nscores(1) = 5\nCALL Double(scores())\nPRINT scores(1)\n"
              "SUB Double (a())\n  FOR i = 0 TO 3: a(i) = a(i) * 2: NEXT\nEND SUB\n")
    assert run(source) == " 10 \n"


def test_a_sub_called_without_call_and_a_typed_array_parameter():
    source = ("DIM grid(2) AS INTEGER\nFill grid()\nPRINT grid(0); grid(2)\n"
              "SUB Fill (g() AS INTEGER)\n  FOR i = 0 TO 2: g(i) = i + 7: NEXT\nEND SUB\n")
    assert run(source) == " 7  9 \n"


def test_a_function_takes_an_array():
    source = ("DIM a(4)\nFOR i = 0 TO 4: a(i) = i: NEXT\nt = Total(a())\nPRINT t\n"
              "FUNCTION Total (x())\n  FOR i = 0 TO UBOUND(x): s = s + x(i): NEXT\n"
              "  Total = s\nEND FUNCTION\n")
    assert run(source) == " 10 \n"


def test_recursion_passes_the_same_array_on():
    source = ("DIM a(1 TO 8)\nDATA 5, 3, 8, 1, 9, 2, 7, 4\nFOR i = 1 TO 8: READ a(i): NEXT\n"
              "QuickSort a(), LBOUND(a), UBOUND(a)\nFOR i = 1 TO 8: PRINT a(i);: NEXT\n"
              "SUB QuickSort (x(), lo, hi)\n  IF lo >= hi THEN EXIT SUB\n  p = x(hi): i = lo - 1\n"
              "  FOR j = lo TO hi - 1\n    IF x(j) <= p THEN i = i + 1: SWAP x(i), x(j)\n  NEXT\n"
              "  SWAP x(i + 1), x(hi)\n  QuickSort x(), lo, i\n  QuickSort x(), i + 2, hi\n"
              "END SUB\n")
    assert run(source) == " 1  2  3  4  5  7  8  9 "


def test_a_scalar_where_an_array_is_wanted_is_a_parameter_type_mismatch():
    source = "DIM a(3)\nx = 1\nShow x\nSUB Show (v())\nEND SUB\n"
    assert error_of(source).startswith("Parameter type mismatch in 3: SUB SHOW wants an array")


def test_an_array_where_a_scalar_is_wanted_is_a_parameter_type_mismatch():
    source = "DIM a(3)\nPRINT Twice(a())\nFUNCTION Twice (v)\n  Twice = v * 2\nEND FUNCTION\n"
    assert error_of(source).startswith("Parameter type mismatch in 2: FUNCTION TWICE wants a single")


def test_an_array_of_another_type_is_a_parameter_type_mismatch():
    source = "DIM a%(3)\nCALL Show(a%())\nSUB Show (v())\nEND SUB\n"
    assert error_of(source).startswith("Parameter type mismatch in 2")


# 2. UBOUND and LBOUND

def test_ubound_and_lbound_of_each_dimension():
    source = "DIM m(4, 1 TO 6)\nPRINT LBOUND(m); UBOUND(m); LBOUND(m, 2); UBOUND(m, 2)\n"
    assert run(source) == " 0  4  1  6 \n"


def test_ubound_and_lbound_of_an_array_parameter():
    source = ("DIM g(1 TO 3, -2 TO 2)\nShowBounds g()\nSUB ShowBounds (x())\n"
              "  PRINT LBOUND(x, 1); UBOUND(x, 1); LBOUND(x, 2); UBOUND(x(), 2)\nEND SUB\n")
    assert run(source) == " 1  3 -2  2 \n"


@pytest.mark.parametrize("dimension", ["0", "3"])
def test_a_dimension_the_array_does_not_have_is_out_of_range(dimension):
    source = f"DIM m(4, 4)\nPRINT UBOUND(m, {dimension})\n"
    assert error_of(source).startswith("Subscript out of range in 2")


def test_ubound_of_an_array_never_dimensioned_is_out_of_range():
    assert error_of("PRINT UBOUND(q)\n").startswith("Subscript out of range in 1")


# 3. Lower bounds

def test_subscripts_between_the_bounds_work():
    source = "DIM t(-2 TO 2)\nFOR i = -2 TO 2: t(i) = i * i: NEXT\nPRINT t(-2); t(0); t(2)\n"
    assert run(source) == " 4  0  4 \n"


@pytest.mark.parametrize("subscript", ["0", "4", "-1"])
def test_subscripts_outside_the_bounds_are_out_of_range(subscript):
    source = f"DIM a(1 TO 3)\nx = {subscript}\na(x) = 1\n"
    assert error_of(source).startswith("Subscript out of range in 3")


def test_a_matrix_with_two_lower_bounds():
    source = ("DIM g(1 TO 3, -2 TO 2)\ng(3, -2) = 7\ng(1, 2) = 8\nPRINT g(3, -2); g(1, 2)\n"
              "PRINT g(2, -3)\n")
    with pytest.raises(BasicError) as caught:
        run(source)
    assert caught.value.message.startswith("Subscript out of range in 5")


def test_a_lower_bound_above_the_upper_is_refused():
    assert error_of("DIM a(5 TO 3)\n").startswith("Subscript out of range in 1")


def test_option_base_1_refuses_element_0_when_writing():
    assert error_of("10 OPTION BASE 1\n20 DIM A(10)\n30 A(0) = 5\n") == "Subscript out of range in 30"


def test_option_base_1_gives_lbound_1_and_lo_to_hi_overrides_it():
    source = "OPTION BASE 1\nDIM a(10), b(0 TO 3)\nPRINT LBOUND(a); UBOUND(a); LBOUND(b)\nb(0) = 1\n"
    assert run(source) == " 1  10  0 \n"


def test_negative_subscripts_of_arrays_starting_at_0_are_illegal_function_calls():
    # GW-BASIC (and PC-BASIC) check the sign before the bounds: error 5, not 9.
    assert error_of("10 DIM A(3)\n20 I = -1\n30 PRINT A(I)\n").startswith(
        "Illegal function call in 30")


def test_an_error_handler_hears_of_a_subscript_below_the_lower_bound():
    source = ("10 ON ERROR GOTO 100\n20 DIM A(2 TO 3)\n30 PRINT A(-1)\n35 PRINT A(1)\n"
              "40 PRINT A(4)\n50 END\n100 PRINT ERR; ERL: RESUME NEXT\n")
    assert run(source) == " 9  30 \n 9  35 \n 9  40 \n"


# 4. Arguments by reference and by value

def test_a_function_changes_a_variable_passed_to_it():
    source = ("x = 5\ny = Twice(x)\nPRINT x; y\ny = Twice((x))\nPRINT x; y\n"
              "FUNCTION Twice (v)\n  v = v * 2\n  Twice = v + 1\nEND FUNCTION\n")
    assert run(source) == " 10  11 \n 10  21 \n"


def test_a_function_inside_a_bigger_expression_passes_by_reference_each_time():
    source = ("x = 1\ny = Inc(x) + Inc(x)\nPRINT x; y\n"
              "FUNCTION Inc (k)\n  k = k + 1\n  Inc = k\nEND FUNCTION\n")
    assert run(source) == " 3  5 \n"


def test_an_array_element_is_passed_by_reference_to_a_sub_and_a_function():
    source = ("DIM a(5)\nCALL Bump(a(3))\nBump a(3)\nPRINT a(3)\ny = Grow(a(3))\nPRINT a(3)\n"
              "CALL Bump((a(3)))\nPRINT a(3)\n"
              "SUB Bump (v)\n  v = v + 1\nEND SUB\n"
              "FUNCTION Grow (v)\n  v = v * 10\n  Grow = 0\nEND FUNCTION\n")
    assert run(source) == " 2 \n 20 \n 20 \n"


def test_an_element_of_a_matrix_is_passed_by_reference_to_a_function():
    source = ('DIM a(5, 5)\ny = Grow(a(LEN("{x}"), 2))\nPRINT a(3, 2); y\n'
              "FUNCTION Grow (v)\n  v = v + 7\n  Grow = 1\nEND FUNCTION\n")
    assert run(source) == " 7  1 \n"


def test_an_expression_is_passed_by_value():
    source = ("x = 5\nCALL Bump(x + 0)\nPRINT x\nPRINT Grow(x * 1); x\n"
              "SUB Bump (v)\n  v = v + 1\nEND SUB\n"
              "FUNCTION Grow (v)\n  v = v * 10\n  Grow = v\nEND FUNCTION\n")
    assert run(source) == " 5 \n 50  5 \n"


def test_a_function_changing_a_loop_variable_passed_to_it():
    source = ("FOR i = 1 TO 10\n  PRINT i;\n  j = Skip(i)\nNEXT\n"
              "FUNCTION Skip (n)\n  n = n + 2\n  Skip = n\nEND FUNCTION\n")
    assert run(source) == " 1  4  7  10 "


def test_a_function_in_a_program_with_gosub_passes_by_reference():
    source = ("x = 1\nGOSUB there\nPRINT x; y\nEND\nthere:\ny = Inc(x)\nRETURN\n"
              "FUNCTION Inc (k)\n  k = k + 1\n  Inc = k\nEND FUNCTION\n")
    assert run(source) == " 2  2 \n"


def test_a_constant_is_passed_by_value():
    source = ("CONST k = 5\ny = Inc(k)\nBump k\nPRINT k; y\n"
              "FUNCTION Inc (v)\n  v = v + 1\n  Inc = v\nEND FUNCTION\n"
              "SUB Bump (v)\n  v = v + 1\nEND SUB\n")
    assert run(source) == " 5  6 \n"


# 5. STATIC

def test_static_keeps_its_value_and_is_not_the_main_programs_variable():
    source = ("n = 100\nCounter\nCounter\nPRINT n\n"
              "SUB Counter\n  STATIC n\n  n = n + 1\n  PRINT n;\nEND SUB\n")
    assert run(source) == " 1  2  100 \n"


def test_a_static_variable_is_one_variable_through_recursion():
    source = ("Deep 3\nDeep 2\nPRINT calls\nSUB Deep (k)\n  STATIC calls\n  calls = calls + 1\n"
              "  IF k > 1 THEN Deep k - 1 ELSE PRINT calls;\nEND SUB\n")
    assert run(source) == " 3  5  0 \n"


def test_a_sub_marked_static_keeps_all_its_variables():
    source = ("Tally\nTally\nTally\nPRINT k; t(1)\nSUB Tally STATIC\n  k = k + 1\n"
              "  t(1) = t(1) + 2\n  PRINT k; t(1);\nEND SUB\n")
    assert run(source) == " 1  2  2  4  3  6  0  0 \n"


def test_without_static_a_sub_starts_afresh_each_call():
    source = "Again\nAgain\nSUB Again\n  k = k + 1\n  PRINT k;\nEND SUB\n"
    assert run(source) == " 1  1 "


def test_a_static_function_keeps_its_variables():
    source = ("PRINT NextTicket; NextTicket\nFUNCTION NextTicket STATIC\n  t = t + 1\n"
              "  NextTicket = t\nEND FUNCTION\n")
    assert run(source) == " 1  2 \n"


# Completion

def test_completion_offers_ubound_and_lbound():
    assert "UBOUND" in complete_word("PRINT UB", 8, set()).matches
    assert "lbound" in complete_word("x = lb", 6, set()).matches


# 6. Arrays that start above 0 are kept as plain lists for speed, and every bound is still
#    checked: a loop that starts below the lower bound, a worked-out subscript, an array from
#    an earlier cell, an array parameter, ERASE and DIM again, every dimension

@pytest.mark.parametrize("statement", ["a(i) = 1", "PRINT a(i);", "SWAP a(i), a(3)"])
def test_a_loop_starting_below_the_lower_bound_is_out_of_range(statement):
    source = f"10 DIM a(1 TO 3)\n20 FOR i = 0 TO 3: {statement}: NEXT\n"
    assert error_of(source) == "Subscript out of range in 20"


@pytest.mark.parametrize("statement", ["m(i, j) = 1", "PRINT m(i, j);"])
@pytest.mark.parametrize("starts", [(0, 1), (1, 0)])
def test_each_dimension_of_a_matrix_is_checked(statement, starts):
    source = (f"10 DIM m(1 TO 2, 1 TO 2)\n20 FOR i = {starts[0]} TO 2\n"
              f"30 FOR j = {starts[1]} TO 2: {statement}: NEXT j\n40 NEXT i\n")
    assert error_of(source) == "Subscript out of range in 30"


def test_a_dimension_from_0_beside_one_from_1():
    source = "DIM m(2, 1 TO 2)\nm(0, 1) = 5\nFOR j = 1 TO 2: PRINT m(0, j);: NEXT\nPRINT m(0, 0)\n"
    with pytest.raises(BasicError) as caught:
        run(source)
    assert caught.value.message == "Subscript out of range in 4"


def test_an_array_from_an_earlier_cell_keeps_its_lower_bound(basic):
    basic.cell("DIM a(1 TO 3)\nFOR i = 1 TO 3: a(i) = i * 10: NEXT\n")
    assert basic.cell("FOR i = 1 TO 3: PRINT a(i);: NEXT\n") == " 10  20  30 "
    with pytest.raises(BasicError) as caught:
        basic.cell("FOR i = 0 TO 3: PRINT a(i);: NEXT\n")
    assert caught.value.message.startswith("Subscript out of range")
    assert basic.session.variables()["A"] == [10.0, 20.0, 30.0]


@pytest.mark.parametrize("start", [0, 1])
def test_an_array_parameter_is_checked_against_the_callers_bounds(start):
    source = ("10 DIM a(1 TO 3)\n20 CALL Fill(a())\n30 PRINT a(1); a(3)\n"
              f"40 SUB Fill (x())\n50 FOR i = {start} TO 3: x(i) = i: NEXT\n60 END SUB\n")
    if start:
        assert run(source) == " 1  3 \n"
    else:
        assert error_of(source) == "Subscript out of range in 50"


def test_a_sub_works_on_arrays_with_different_lower_bounds():
    source = ("DIM a(3), b(1 TO 3)\nCALL Fill(a())\nCALL Fill(b())\nPRINT a(0); b(1)\n"
              "SUB Fill (x())\n  FOR i = LBOUND(x) TO UBOUND(x): x(i) = i + 10: NEXT\nEND SUB\n")
    assert run(source) == " 10  11 \n"


def test_erase_and_dim_again_with_a_higher_lower_bound():
    source = ("10 DIM a(0 TO 3)\n20 a(0) = 1\n30 ERASE a\n40 DIM a(2 TO 3)\n"
              "50 PRINT LBOUND(a); UBOUND(a)\n60 FOR i = 0 TO 3: a(i) = i: NEXT\n")
    with pytest.raises(BasicError) as caught:
        run(source)
    assert caught.value.message == "Subscript out of range in 60"


def test_a_lower_bound_far_above_the_size_and_one_below_zero():
    source = ("DIM y(1900 TO 1903), t(-3 TO -1)\nFOR i = 1900 TO 1903: y(i) = i - 1900: NEXT\n"
              "FOR i = 1 TO 3: t(-i) = i: NEXT\nPRINT y(1903); t(-3); UBOUND(y); LBOUND(t)\n"
              "PRINT y(1899)\n")
    with pytest.raises(BasicError) as caught:
        run(source)
    assert caught.value.message == "Subscript out of range in 5"


def test_a_function_writes_back_into_an_element_of_an_array_from_1():
    source = ("DIM a(1 TO 2)\na(1) = 4\ny = Twice(a(1))\nPRINT a(1); y\n"
              "FUNCTION Twice (v)\n  v = v * 2\n  Twice = v\nEND FUNCTION\n")
    assert run(source) == " 8  8 \n"


def test_shared_and_static_arrays_from_1_are_checked():
    source = ("10 DIM SHARED a(1 TO 2)\n20 CALL Put\n30 PRINT a(2)\n40 CALL Keep\n50 CALL Keep\n"
              "60 SUB Put\n70 FOR i = 1 TO 2: a(i) = i: NEXT\n80 END SUB\n"
              "90 SUB Keep STATIC\n100 DIM k(1 TO 2)\n110 FOR i = 0 TO 2: k(i) = 1: NEXT\n120 END SUB\n")
    assert error_of(source).startswith("Subscript out of range in 110")


@pytest.mark.parametrize("statement", ["a(i) = 1", "PRINT a(i);"])
def test_a_loop_from_a_worked_out_start_is_checked(statement):
    source = f"10 DIM a(1 TO 3)\n20 s = 0\n30 FOR i = s TO 3: {statement}: NEXT\n"
    assert error_of(source) == "Subscript out of range in 30"


def test_a_subscript_is_rounded_before_the_lower_bound_is_checked():
    assert run("DIM a(1 TO 2)\nx = 0.6\na(x) = 5\nPRINT a(1)\n") == " 5 \n"
    assert error_of("DIM a(1 TO 2)\nx = 0.4\na(x) = 5\n").startswith("Subscript out of range in 3")


@pytest.mark.parametrize("subscripts", ["1, k", "k, 1", "k + 1, k"])
def test_each_dimension_checks_a_worked_out_subscript(subscripts):
    source = f"DIM m(1 TO 2, 1 TO 2)\nk = 0\nm(k + 1, k + 2) = 7\nPRINT m(1, 2)\nm({subscripts}) = 1\n"
    with pytest.raises(BasicError) as caught:
        run(source)
    assert caught.value.message == "Subscript out of range in 5"


def test_one_sub_gets_arrays_with_different_lower_bounds():
    source = ("10 DIM a(3), b(1 TO 3), c(2 TO 3)\n20 CALL Fill(a()): CALL Fill(b())\n"
              "30 PRINT a(0); a(3); b(3)\n40 CALL Fill(c())\n"
              "50 SUB Fill (x())\n60 FOR i = 1 TO 3: x(i) = i: NEXT\n70 END SUB\n")
    with pytest.raises(BasicError) as caught:
        run(source)
    assert caught.value.message == "Subscript out of range in 60"


# DIM SHARED arrays are seen by every SUB and FUNCTION without SHARED in each

def test_a_dim_shared_array_is_seen_and_changed_by_every_procedure():
    source = ("DIM SHARED a(5)\na(1) = 7\nShow\nPRINT a(2); Twice\n"
              "SUB Show\n  PRINT a(1)\n  a(2) = 9\nEND SUB\n"
              "FUNCTION Twice\n  Twice = a(2) * 2\nEND FUNCTION\n")
    assert run(source) == " 7 \n 9  18 \n"


def test_a_dim_shared_array_keeps_its_bounds_in_a_procedure():
    source = ("DIM SHARED g(1 TO 3, 1 TO 2)\ng(3, 2) = 4\nShow\n"
              "SUB Show\n  PRINT g(3, 2); LBOUND(g, 1); UBOUND(g, 2)\n  g(0, 1) = 1\nEND SUB\n")
    assert error_of(source) == "Subscript out of range in 6"
    assert run(source.replace("  g(0, 1) = 1\n", "")) == " 4  1  2 \n"


@pytest.mark.parametrize(("declaration", "parameter", "what"), [
    ("DIM SHARED a(5)", "a()", "A is shared (DIM SHARED)"),
    ("DIM SHARED n", "n", "N is shared (DIM SHARED)"),
    ("CONST n = 2", "n", "N is a constant"),
])
def test_a_parameter_cannot_have_the_name_of_something_shared(declaration, parameter, what):
    source = f"{declaration}\nPRINT 1\nSUB Show ({parameter})\n  PRINT 2\nEND SUB\n"
    assert error_of(source) == (f"Duplicate Definition in 3: {what} in the whole program, "
                                "so it cannot also be a parameter of SHOW")
