using VerifyGate.Core.Solving;

namespace VerifyGate.Core.Tests.Solving;

public class MipModelTests
{
    [Fact]
    public void RepeatedTermsAreMergedAndConstantsMoveIntoBounds()
    {
        var model = new MipModel();
        var x = model.AddContinuous(0, 10);
        var y = model.AddContinuous(0, 10);
        var row = new Expr().Add(y, 2).Add(x, 1).Add(y, 3).Add(x, -1).Add(4);
        model.AddConstraint(double.NegativeInfinity, row, 9);

        Assert.Equal(1, model.LinearConstraintCount);
        Assert.Equal(1, model.LinearNonzeroCount);            // x cancels, y merges to 5
        Assert.Equal(5.0, model.RowCoef(model.RowStart(0)));
        Assert.Equal(5.0, model.RowUpper(0));                  // 9 - 4
    }

    [Fact]
    public void QuadraticPairsAreMergedRegardlessOfOrder()
    {
        var model = new MipModel();
        var x = model.AddContinuous(-1, 1);
        var y = model.AddContinuous(-1, 1);
        model.AddConstraint(0, new Expr().AddProduct(y, x, 1).AddProduct(x, y, 2).AddSquare(x), 1);

        var row = Assert.Single(model.QuadraticConstraints);
        Assert.Equal([0, 0], row.QVars1);
        Assert.Equal([0, 1], row.QVars2);
        Assert.Equal([1.0, 3.0], row.QCoefs);
        Assert.False(model.IsLinear);
    }

    [Fact]
    public void MaxViolationSeesBoundsIntegralityAndRows()
    {
        var model = new MipModel();
        var x = model.AddContinuous(0, 1);
        var b = model.AddBinary();
        model.AddConstraint(double.NegativeInfinity, new Expr().Add(x).Add(b), 1);
        model.AddConstraint(double.NegativeInfinity, new Expr().AddSquare(x), 0.25);

        Assert.Equal(0, model.MaxViolation([0.5, 0]));
        Assert.Equal(0.5, model.MaxViolation([0.5, 1]), 12);       // x + b = 1.5
        Assert.Equal(0.3, model.MaxViolation([0, 0.3]), 12);       // b not integral
        Assert.Equal(0.56, model.MaxViolation([0.9, 0]), 12);      // x² = 0.81 > 0.25
    }

    [Fact]
    public void UnknownVariablesAreRejected()
    {
        var model = new MipModel();
        model.AddContinuous(0, 1);
        Assert.Throws<ArgumentException>(() => model.AddConstraint(0, Expr.Of(new Var(3)), 1));
    }
}
