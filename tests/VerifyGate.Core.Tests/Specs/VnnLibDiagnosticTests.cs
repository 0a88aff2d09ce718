using static VerifyGate.Core.Tests.Specs.VnnLibFixture;

namespace VerifyGate.Core.Tests.Specs;

/// <summary>One test per refusal: the line and column of the construct and the key part of the reason. Statements
/// appended to <see cref="VnnLibFixture.Header"/> are on line 3, so "(assert (" puts an operator at column 10 and
/// "(assert (&lt;= " a term at column 13.</summary>
public class VnnLibDiagnosticTests
{
    private const string Subset = "VerifyGate reads the VNN-COMP subset (declare-const, assert, <=, >=, and, or, +, -, *)";

    [Theory]
    [InlineData("(assert (< Y_0 1))", 10, "<")]
    [InlineData("(assert (> Y_0 1))", 10, ">")]
    [InlineData("(assert (= Y_0 1))", 10, "=")]
    [InlineData("(assert (distinct Y_0 1))", 10, "distinct")]
    [InlineData("(assert (not (<= Y_0 1)))", 10, "not")]
    [InlineData("(assert (=> (<= Y_0 1) (<= Y_0 2)))", 10, "=>")]
    [InlineData("(assert (<= (ite (<= Y_0 0) 1 2) Y_0))", 14, "ite")]
    [InlineData("(assert (<= (/ Y_0 2) 1))", 14, "/")]
    [InlineData("(assert true)", 9, "true")]
    [InlineData("(declare-fun X_1 () Real)", 2, "declare-fun")]
    [InlineData("(define-fun f () Real 1.0)", 2, "define-fun")]
    [InlineData("(push 1)", 2, "push")]
    public void Unsupported_constructs_are_named(string statement, int column, string construct)
    {
        var e = Fails(Header + statement, 3, column, $"unsupported construct '{construct}'");
        Assert.Contains(Subset, e.Reason);
    }

    [Theory]
    [InlineData("(declare-const X_1 Int)", "'Int'")]
    [InlineData("(declare-const X_1 Bool)", "'Bool'")]
    [InlineData("(declare-const X_1 (_ BitVec 8))", "'(_ ...)'")]
    public void Types_other_than_real_are_refused(string statement, string type) =>
        Fails(Header + statement, 3, 20, $"unsupported type {type} of X_1: VerifyGate reads Real variables only");

    [Fact]
    public void Products_of_two_variable_terms_are_not_linear() =>
        Fails(Header + "(assert (<= (* Y_0 (+ Y_0 1)) 1))", 3, 13, "non-linear product");

    [Theory]
    [InlineData("(assert (<= foo 1))", 13, "unknown symbol 'foo'")]
    [InlineData("(assert (<= y_0 1))", 13, "unknown symbol 'y_0'")]
    [InlineData("(assert (<= --1 1))", 13, "unknown symbol '--1'")]
    [InlineData("(assert (foo Y_0 1))", 10, "unknown symbol 'foo'")]
    [InlineData("(assert (<= (foo Y_0) 1))", 14, "unknown symbol 'foo'")]
    [InlineData("(frobnicate 1)", 2, "unknown command 'frobnicate'")]
    public void Unknown_symbols_are_named(string statement, int column, string reason) =>
        Fails(Header + statement, 3, column, reason);

    [Fact]
    public void Variables_must_be_declared_before_use()
    {
        Fails(Header + "(assert (<= Y_1 1))", 3, 13, "undeclared variable 'Y_1'");
        Fails(Header + "(assert (<= Y_1 1)) (declare-const Y_1 Real)", 3, 13, "(declare-const Y_1 Real) before its use");
    }

    [Theory]
    [InlineData("(assert (<= Y_0 1)", 1, "unclosed '(': the file ends with 1 ')' missing")]
    [InlineData("(assert (or (<= Y_0 1)", 9, "unclosed '(': the file ends with 2 ')' missing")]
    [InlineData("(assert (<= Y_0 1)))", 20, "unbalanced ')'")]
    public void Unbalanced_parentheses_point_at_the_open_or_the_stray_one(string statement, int column, string reason) =>
        Fails(Header + statement, 3, column, reason);

    [Theory]
    [InlineData("1.2.3", "malformed number '1.2.3'")]
    [InlineData("1e", "malformed number '1e'")]
    [InlineData("1x", "malformed number '1x'")]
    [InlineData("-.e5", "malformed number '-.e5'")]
    [InlineData("0x10", "malformed number '0x10'")]
    [InlineData("1e999", "number '1e999' is beyond the range of a double")]
    public void Malformed_numbers_are_refused(string number, string reason) =>
        Fails(Header + $"(assert (<= Y_0 {number}))", 3, 17, reason);

    [Theory]
    [InlineData("")]
    [InlineData("; only a comment\n  \n")]
    public void An_empty_file_is_refused(string text) => Fails(text, 1, 1, "the file is empty");

    [Fact]
    public void A_file_without_asserts_is_refused() =>
        Fails("(declare-const X_0 Real) (declare-const Y_0 Real) (check-sat)", 1, 1, "the file has no assert");

    [Fact]
    public void An_atom_over_inputs_and_outputs_is_refused() =>
        Fails(Header + "(assert (<= X_0 Y_0))", 3, 9, "mixing inputs and outputs (X_0 and Y_0)");

    [Fact]
    public void An_input_constraint_over_several_inputs_is_refused() =>
        Fails("(declare-const X_0 Real)(declare-const X_1 Real)(declare-const Y_0 Real)\n(assert (<= (+ X_0 (* 2 X_1)) 1))",
            2, 9, "several inputs (X_0, X_1)");

    [Fact]
    public void Every_input_needs_both_bounds_in_every_disjunct()
    {
        const string decls = "(declare-const X_0 Real)(declare-const X_1 Real)(declare-const Y_0 Real)\n";
        Fails(decls + "(assert (<= X_0 1)) (assert (<= X_1 1)) (assert (>= X_1 0))", 2, 9, "X_0 has no lower bound");
        Fails(decls + "(assert (>= X_1 0)) (assert (>= X_0 0)) (assert (<= X_1 1))", 2, 29, "X_0 has no upper bound");
        Fails(decls + "(assert (<= X_0 1)) (assert (>= X_0 0))", 2, 9, "X_1 has no lower and upper bound");
        Fails(decls + "(assert (<= X_1 1)) (assert (>= X_1 0))\n(assert (or (and (<= X_0 1) (>= X_0 0)) (<= X_0 2)))",
            3, 41, "X_0 has no lower bound: every input needs a finite lower and upper bound in each disjunct");
    }

    [Fact]
    public void An_empty_input_set_is_refused()
    {
        const string decls = "(declare-const X_0 Real)(declare-const Y_0 Real)\n";
        Fails(decls + "(assert (<= X_0 0)) (assert (>= X_0 1))", 2, 9, "the input set is empty: no disjunct describes a point (the first: X_0 >= 1 and X_0 <= 0)");
        Fails(decls + "(assert (<= X_0 0)) (assert (>= X_0 0)) (assert (<= 1 0))", 2, 49, "an atom without variables is false");
        Fails(decls + "(assert (or (and (<= X_0 0) (>= X_0 1)) (and (<= X_0 3) (>= X_0 4))))", 2, 18, "X_0 >= 1 and X_0 <= 0");
    }

    [Theory]
    [InlineData("(declare-const X_0 Real)(declare-const X_2 Real)(declare-const Y_0 Real)", "X_1 is not declared but X_2 is: the inputs must be X_0..X_2 without gaps")]
    [InlineData("(declare-const X_0 Real)(declare-const Y_1 Real)(declare-const X_1 Real)", "Y_0 is not declared but Y_1 is: the outputs must be Y_0..Y_1")]
    public void Indices_must_run_from_zero_without_gaps(string decls, string reason) =>
        Fails(decls + "(assert (<= X_0 1))", 1, 40, reason);

    [Fact]
    public void A_second_declaration_is_refused() =>
        Fails("(declare-const X_0 Real)\n(declare-const X_0 Real)", 2, 16, "X_0 is declared twice (first at line 1)");

    [Theory]
    [InlineData("Z")]
    [InlineData("X_01")]
    [InlineData("X_-1")]
    [InlineData("X_99999999999")]
    [InlineData("Y")]
    public void Other_variable_names_are_refused(string name) =>
        Fails($"(declare-const {name} Real)", 1, 16, $"unsupported variable name '{name}'");

    [Fact]
    public void A_file_needs_inputs_and_outputs()
    {
        Fails("(declare-const Y_0 Real)(assert (<= Y_0 1))", 1, 1, "the file declares no inputs");
        Fails("(declare-const X_0 Real)(assert (<= X_0 1))", 1, 1, "the file declares no outputs");
    }

    [Fact]
    public void Counts_that_differ_from_the_model_name_both()
    {
        Fails(Header, 1, 1, "input count differs: the model has 3, the file declares 1 (X_0..X_0)", inputs: 3);
        Fails(Header, 1, 26, "output count differs: the model has 2, the file declares 1 (Y_0..Y_0)", inputs: 1, outputs: 2);
    }

    [Fact]
    public void Too_many_disjuncts_are_refused_at_the_assert_or_the_and()
    {
        string or = "(or (<= Y_0 1) (<= Y_0 2))";
        string asserts = string.Concat(Enumerable.Repeat($"(assert {or})\n", 17)); // 2^17 > 100,000
        Fails(Header + asserts, 19, 9, "the formula has more than 100,000 disjuncts in disjunctive normal form");
        string and = "(assert (and " + string.Join(" ", Enumerable.Repeat(or, 17)) + "))";
        Fails(Header + and, 3, 9, "more than 100,000 disjuncts");
    }

    [Fact]
    public void Too_many_atoms_in_the_normal_form_are_refused()
    {
        // 2 + 200 atoms in every disjunct; the 16th or makes 65,536 disjuncts of 218 atoms (> 10,000,000).
        string bounds = "(assert (and " + string.Concat(Enumerable.Repeat("(<= X_0 1) ", 200)) + "))\n";
        string ors = string.Concat(Enumerable.Repeat("(assert (or (<= Y_0 1) (<= Y_0 2)))\n", 16));
        Fails(Header + bounds + ors, 19, 9, "the formula has more than 10,000,000 atoms in disjunctive normal form");
    }

    [Fact]
    public void Nesting_is_limited()
    {
        string deep = "(assert " + string.Concat(Enumerable.Repeat("(and ", 200)) + "(<= Y_0 1)" + new string(')', 201);
        Fails(Header + deep, 3, 9 + 5 * 199, "nesting deeper than 200 levels");
    }

    [Theory]
    [InlineData("(assert (<= Y_0))", 9, "'<=' takes two terms (found 1)")]
    [InlineData("(assert (>= Y_0 1 2))", 9, "'>=' takes two terms (found 3)")]
    [InlineData("(assert)", 1, "assert takes one formula")]
    [InlineData("(assert (<= Y_0 1) (<= Y_0 2))", 1, "assert takes one formula")]
    [InlineData("(assert (and))", 9, "'and' needs at least one formula")]
    [InlineData("(assert (or))", 9, "'or' needs at least one formula")]
    [InlineData("(assert (<= (+) 1))", 13, "'+' needs at least one term")]
    [InlineData("(declare-const X_1)", 1, "declare-const takes a name and a type")]
    public void Wrong_numbers_of_arguments_are_refused(string statement, int column, string reason) =>
        Fails(Header + statement, 3, column, reason);

    [Theory]
    [InlineData("(set-info :note \"abc", "unterminated string")]
    [InlineData("(set-info :note |abc", "unterminated quoted symbol")]
    public void Unterminated_literals_point_at_their_start(string statement, string reason) =>
        Fails(Header + statement, 3, 17, reason);

    [Theory]
    [InlineData("(assert Y_0)", 9, "expected a formula (<=, >=, and, or) but found Y_0")]
    [InlineData("(assert 1)", 9, "expected a formula")]
    [InlineData("(assert (+ Y_0 1))", 10, "'+' is a term")]
    [InlineData("(assert (<= (and (<= Y_0 1)) 1))", 14, "'and' is a formula")]
    [InlineData("(assert (<= \"s\" 1))", 13, "expected a term but found the string \"s\"")]
    [InlineData("(assert ())", 9, "empty list '()'")]
    [InlineData("()", 1, "empty list '()'")]
    [InlineData("(assert ((<= Y_0 1)))", 9, "expected an operator after '('")]
    [InlineData("assert", 1, "expected a statement such as (assert ...) but found assert")]
    [InlineData("(assert (and (<= Y_0 1) (assert (<= Y_0 2))))", 26, "'assert' is a command and cannot appear inside a formula")]
    [InlineData("(assert (<= (declare-const Y_0 Real) 1))", 14, "'declare-const' is a command and cannot appear inside a term")]
    public void Misplaced_formulas_terms_and_statements_are_refused(string statement, int column, string reason) =>
        Fails(Header + statement, 3, column, reason);

    [Fact]
    public void Nothing_may_follow_exit() =>
        Fails(Header + "(exit)\n(assert (<= Y_0 1))", 4, 1, "statement after (exit)");

    [Fact]
    public void Overflowing_arithmetic_is_refused()
    {
        Fails(Header + "(assert (<= (* 1e300 1e300 Y_0) 1))", 3, 13, "arithmetic overflow");
        Fails(Header + "(assert (<= (+ 1e308 1e308) Y_0))", 3, 13, "arithmetic overflow");
        Fails(Header + "(assert (<= (* 1e-200 X_0) 1e200))", 3, 9, "the bound of X_0 is beyond the range of a double");
    }

    [Fact]
    public void A_coefficient_that_folding_rounds_is_refused() =>
        Fails(Header + "(assert (<= (* 0.1 3 Y_0) 1))", 3, 9, "the coefficient of Y_0 is not exact in double precision");

    [Fact]
    public void A_missing_file_is_reported_at_its_start()
    {
        string path = Path.Combine(Path.GetTempPath(), "verifygate-no-such-dir-" + Guid.NewGuid().ToString("N"), "p.vnnlib");
        var e = Assert.Throws<VerifyGate.Core.Specs.VnnLib.VnnLibException>(() => VerifyGate.Core.Specs.VnnLib.VnnLibReader.Read(path));
        Assert.Equal((path, 1, 1), (e.File, e.Line, e.Column));
        Assert.Contains("cannot read the file", e.Reason);
    }
}
