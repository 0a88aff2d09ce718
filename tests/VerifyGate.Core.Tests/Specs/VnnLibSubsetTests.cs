using static VerifyGate.Core.Tests.Specs.VnnLibFixture;

namespace VerifyGate.Core.Tests.Specs;

/// <summary>Each construct of the VNN-COMP subset on small inline files: numbers, terms, atom orientation,
/// the disjunctive normal form, merged and dropped boxes, skipped commands.</summary>
public class VnnLibSubsetTests
{
    private const string Decls2 = "(declare-const X_0 Real) (declare-const X_1 Real) (declare-const Y_0 Real) (declare-const Y_1 Real)\n";
    private const string Box2 = Decls2 + "(assert (<= X_0 1)) (assert (>= X_0 0)) (assert (<= X_1 1)) (assert (>= X_1 0))\n";

    [Theory]
    [InlineData("1e-3", 0.001)]
    [InlineData("-2.5E+2", -250.0)]
    [InlineData("-0.5", -0.5)]
    [InlineData("7", 7.0)]
    [InlineData(".5", 0.5)]
    [InlineData("2.", 2.0)]
    [InlineData("+1.5e1", 15.0)]
    [InlineData("1E3", 1000.0)]
    [InlineData("0.029999999329447746", 0.029999999329447746)]
    public void Numbers_are_read_in_every_form(string number, double value)
    {
        var c = OnlyCase($"(declare-const X_0 Real)(declare-const Y_0 Real)(assert (<= X_0 {number}))(assert (>= X_0 -1000))");
        Assert.Equal(value, c.Upper[0]);
        Assert.Equal(-1000, c.Lower[0]);
    }

    [Fact]
    public void Sums_and_differences_move_constants_to_the_right()
    {
        var c = OnlyCase(Box2 + """
            (assert (<= (+ Y_0 Y_1 2) 5))
            (assert (<= (- Y_0) 1))
            (assert (<= (- Y_0 Y_1) 0))
            (assert (<= (- Y_0 Y_1 1) 0))
            (assert (<= (+ Y_0) (- 4 Y_1)))
            """);
        var atoms = Assert.Single(c.Unsafe);
        Assert.Equal(5, atoms.Count);
        AssertAtom(atoms[0], [1, 1], 3);
        AssertAtom(atoms[1], [-1, 0], 1);
        AssertAtom(atoms[2], [1, -1], 0);
        AssertAtom(atoms[3], [1, -1], 1);
        AssertAtom(atoms[4], [1, 1], 4);
    }

    [Fact]
    public void Products_scale_by_a_constant_on_either_side()
    {
        var c = OnlyCase(Box2 + """
            (assert (<= (* 2 Y_0) 4))
            (assert (>= (* Y_1 -0.5) 1))
            (assert (<= (* 2 (+ Y_0 (* 3 Y_1) 1)) 0))
            (assert (<= (* 2 3 Y_0) 1))
            """);
        var atoms = Assert.Single(c.Unsafe);
        AssertAtom(atoms[0], [2, 0], 4);
        AssertAtom(atoms[1], [0, 0.5], -1); // 1 ≥ −0.5·Y_1 read as 1 + 0.5·Y_1 ≤ 0
        AssertAtom(atoms[2], [2, 6], -2);
        AssertAtom(atoms[3], [6, 0], 1);
    }

    [Fact]
    public void Greater_or_equal_is_flipped_and_either_side_may_hold_the_variable()
    {
        var c = OnlyCase(Decls2 + """
            (assert (<= 0.25 X_0)) (assert (>= 0.75 X_0))
            (assert (>= X_1 -1)) (assert (<= X_1 (- 1)))
            (assert (>= Y_0 Y_1))
            (assert (>= 3.5 Y_0))
            """);
        Assert.Equal([0.25, -1], c.Lower);
        Assert.Equal([0.75, -1], c.Upper);
        var atoms = Assert.Single(c.Unsafe);
        AssertAtom(atoms[0], [-1, 1], 0);
        AssertAtom(atoms[1], [1, 0], 3.5);
    }

    [Fact]
    public void Input_bounds_may_be_scaled_shifted_and_repeated()
    {
        var c = OnlyCase(Decls2 + """
            (assert (<= (* 2 X_0) 1)) (assert (>= (* -2 X_0) -4)) (assert (>= (+ X_0 1) 0.5))
            (assert (<= X_1 3)) (assert (<= X_1 2)) (assert (>= X_1 -5)) (assert (>= (- X_1) -7))
            """);
        Assert.Equal([-0.5, -5], c.Lower);
        Assert.Equal([0.5, 2], c.Upper);
    }

    [Fact]
    public void Rounded_folding_moves_bounds_outwards()
    {
        var c = OnlyCase(Decls2 + """
            (assert (<= (* 3 X_0) 1)) (assert (>= (* 3 X_0) 1))
            (assert (>= (+ X_1 1e-20) 1)) (assert (<= (+ X_1 1e-20) 2))
            (assert (<= (- Y_0 1e-20) 1))
            """);
        Assert.Equal(1.0 / 3, c.Lower[0]);                    // 1.0 / 3 lies below 1/3
        Assert.Equal(Math.BitIncrement(1.0 / 3), c.Upper[0]); // so the upper bound is the next double
        Assert.Equal(Math.BitDecrement(1.0), c.Lower[1]);    // X_1 ≥ 1 − 1e-20
        Assert.Equal(2.0, c.Upper[1]);                        // X_1 ≤ 2 − 1e-20
        AssertAtom(Assert.Single(Assert.Single(c.Unsafe)), [1, 0], Math.BitIncrement(1.0)); // Y_0 ≤ 1 + 1e-20
    }

    [Fact]
    public void Cancelled_and_constant_atoms_are_evaluated()
    {
        var c = OnlyCase(Header + "(assert (<= (- X_0 X_0) 1)) (assert (<= 0 1)) (assert (<= (* 0 Y_0) 2))");
        Assert.Empty(Assert.Single(c.Unsafe));
        Assert.Equal([0.0], c.Lower);
        Assert.Equal([1.0], c.Upper);
    }

    [Fact]
    public void And_of_ors_expands_to_every_combination_in_order()
    {
        var c = OnlyCase(Box2 + "(assert (and (or (<= Y_0 1) (<= Y_0 2)) (or (<= Y_1 3) (<= Y_1 4))))");
        Assert.Equal(4, c.Unsafe.Count);
        (double Y0, double Y1)[] expected = [(1, 3), (1, 4), (2, 3), (2, 4)];
        for (int k = 0; k < 4; k++)
        {
            Assert.Equal(2, c.Unsafe[k].Count);
            AssertAtom(c.Unsafe[k][0], [1, 0], expected[k].Y0);
            AssertAtom(c.Unsafe[k][1], [0, 1], expected[k].Y1);
        }
    }

    [Fact]
    public void Disjuncts_with_equal_boxes_share_a_case_in_first_appearance_order()
    {
        var p = Parse(Decls2 + """
            (assert (<= X_1 1)) (assert (>= X_1 0))
            (assert (or (and (<= X_0 3) (>= X_0 2))
                        (and (>= X_0 0) (<= X_0 1))))
            (assert (or (<= Y_0 0) (>= Y_0 5)))
            """);
        Assert.Equal(2, p.Cases.Count);
        Assert.Equal([2.0, 0], p.Cases[0].Lower);
        Assert.Equal([3.0, 1], p.Cases[0].Upper);
        Assert.Equal([0.0, 0], p.Cases[1].Lower);
        Assert.Equal([1.0, 1], p.Cases[1].Upper);
        Assert.Equal((2, 2), (p.Cases[0].Line, p.Cases[1].Line)); // the first bound read is X_1's
        foreach (var c in p.Cases)
        {
            Assert.Equal(2, c.Unsafe.Count);
            AssertAtom(Assert.Single(c.Unsafe[0]), [1, 0], 0);
            AssertAtom(Assert.Single(c.Unsafe[1]), [-1, 0], -5);
        }
    }

    [Fact]
    public void Equal_boxes_written_differently_are_merged_and_the_line_is_the_first_bound()
    {
        var c = OnlyCase("(declare-const X_0 Real) (declare-const Y_0 Real)\n(assert (or\n" +
            "  (and (<= X_0 1) (>= X_0 0) (<= Y_0 0))\n" +
            "  (and (>= X_0 0.0) (<= (* 2 X_0) 2) (>= Y_0 1) (<= Y_0 2))\n))");
        Assert.Equal(3, c.Line);
        Assert.Equal(2, c.Unsafe.Count);
        AssertAtom(Assert.Single(c.Unsafe[0]), [1], 0);
        Assert.Equal(2, c.Unsafe[1].Count);
    }

    [Fact]
    public void Empty_boxes_and_false_constants_drop_their_disjunct()
    {
        var c = OnlyCase("(declare-const X_0 Real) (declare-const Y_0 Real)\n(assert (or\n" +
            "  (and (<= X_0 0) (>= X_0 1) (<= Y_0 7))\n" +
            "  (and (<= X_0 5) (>= X_0 4) (<= 1 0))\n" +
            "  (and (<= X_0 1) (>= X_0 0.5) (<= Y_0 8))\n))");
        Assert.Equal(5, c.Line);
        Assert.Equal([0.5], c.Lower);
        AssertAtom(Assert.Single(Assert.Single(c.Unsafe)), [1], 8);
    }

    [Fact]
    public void A_point_box_is_not_empty()
    {
        var c = OnlyCase("(declare-const X_0 Real)(declare-const Y_0 Real)(assert (and (<= X_0 0.0) (>= X_0 -0.0)))");
        Assert.Equal([0.0], c.Lower);
        Assert.Equal([0.0], c.Upper);
    }

    [Fact]
    public void A_disjunct_without_output_atoms_makes_every_output_unsafe()
    {
        var p = Parse(Header + "(assert (or (<= Y_0 1) (<= X_0 0.5)))");
        Assert.Equal(2, p.Cases.Count);
        AssertAtom(Assert.Single(Assert.Single(p.Cases[0].Unsafe)), [1], 1);
        Assert.Empty(Assert.Single(p.Cases[1].Unsafe)); // [0, 0.5] with no output atom: all of Y is unsafe
        Assert.Equal([0.5], p.Cases[1].Upper);
    }

    [Fact]
    public void Comments_and_solver_commands_are_skipped()
    {
        var p = Parse("""
            ; a comment ( with parens
            (set-logic QF_LRA) (set-option :produce-models true)
            (set-info :source |a quoted symbol over
            two lines ( ; |)
            (set-info :note "a string with "" ) ; inside")
            (declare-const X_0 Real) ; X_0
            (declare-const |Y_0| Real)
            (assert (<= X_0 1)) (assert (>= X_0 0)) (assert (<= Y_0 0))
            (check-sat)
            (get-model)
            (exit)
            """);
        Assert.Equal((1, 1), (p.InputCount, p.OutputCount));
        var c = Assert.Single(p.Cases);
        Assert.Equal(8, c.Line);
        AssertAtom(Assert.Single(Assert.Single(c.Unsafe)), [1], 0);
    }

    [Fact]
    public void Windows_line_ends_and_tabs_keep_positions()
    {
        var c = OnlyCase("(declare-const X_0 Real)\r\n(declare-const Y_0 Real)\r\n\t(assert (<= X_0 1))\r\n(assert (>= X_0 0))");
        Assert.Equal(3, c.Line);
        VnnLibFixture.Fails("(declare-const X_0 Real)\r\n\t(assert (<= X_1 1))", 2, 14, "undeclared variable 'X_1'");
    }

    [Fact]
    public void Declarations_may_come_in_any_order_and_counts_match()
    {
        var p = Parse("(declare-const Y_1 Real)(declare-const X_1 Real)(declare-const Y_0 Real)(declare-const X_0 Real)" +
            "(assert (and (<= X_0 1) (>= X_0 0) (<= X_1 1) (>= X_1 0)))", inputs: 2, outputs: 2);
        Assert.Equal((2, 2), (p.InputCount, p.OutputCount));
        Assert.Equal(VnnLibFixture.File, p.File);
    }
}
