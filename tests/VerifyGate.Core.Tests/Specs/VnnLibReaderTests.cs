using VerifyGate.Core.Specs.VnnLib;
using static VerifyGate.Core.Tests.Specs.VnnLibFixture;

namespace VerifyGate.Core.Tests.Specs;

/// <summary>The shared VNN-COMP benchmark files (read in place, never copied): their counts, boxes and unsafe sets,
/// checked against the files' text.</summary>
public class VnnLibReaderTests
{
    private static VnnLibProperty Acas(int property) =>
        VnnLibReader.Read(TestPaths.Model($"acasxu/prop_{property}.vnnlib"), expectedInputs: 5, expectedOutputs: 5);

    private static VnnLibCase AcasCase(int property, double[] lower, double[] upper)
    {
        var p = Acas(property);
        Assert.Equal(5, p.InputCount);
        Assert.Equal(5, p.OutputCount);
        var single = Assert.Single(p.Cases);
        Assert.Equal(lower, single.Lower);
        Assert.Equal(upper, single.Upper);
        Assert.Equal(16, single.Line);
        return single;
    }

    private static readonly double[] Lower12 = [0.6, -0.5, -0.5, 0.45, -0.5];
    private static readonly double[] Upper12 = [0.679857769, 0.5, 0.5, 0.5, -0.45];

    [Fact]
    public void Property_1_is_one_box_and_one_atom()
    {
        var p = Acas(1);
        Assert.EndsWith(Path.Combine("acasxu", "prop_1.vnnlib"), p.File);
        var c = AcasCase(1, Lower12, Upper12);
        Assert.Equal(0.6, c.Lower[0]);
        Assert.Equal(0.679857769, c.Upper[0]);
        Assert.Equal((-0.5, -0.45), (c.Lower[4], c.Upper[4]));
        var atom = Assert.Single(Assert.Single(c.Unsafe));
        AssertAtom(atom, [-1, 0, 0, 0, 0], -3.991125645861615);
    }

    [Fact]
    public void Property_2_is_one_conjunction_of_four_atoms() =>
        AssertDifferences(AcasCase(2, Lower12, Upper12), 5, [(1, 0), (2, 0), (3, 0), (4, 0)]);

    [Fact]
    public void Property_3_and_4_say_y0_is_minimal()
    {
        AssertDifferences(AcasCase(3, [-0.303531156, -0.009549297, 0.493380324, 0.3, 0.3],
            [-0.298552812, 0.009549297, 0.5, 0.5, 0.5]), 5, [(0, 1), (0, 2), (0, 3), (0, 4)]);
        var c = AcasCase(4, [-0.303531156, -0.009549297, 0.0, 0.318181818, 0.083333333],
            [-0.298552812, 0.009549297, 0.0, 0.5, 0.166666667]);
        Assert.Equal(c.Lower[2], c.Upper[2]); // X_2 is fixed at 0
        AssertDifferences(c, 5, [(0, 1), (0, 2), (0, 3), (0, 4)]);
    }

    [Fact]
    public void Property_5_has_four_alternatives() =>
        AssertDifferences(AcasCase(5, [-0.324274257, 0.031830989, -0.499999896, -0.5, -0.5],
            [-0.321785085, 0.063661977, -0.499204121, -0.227272727, -0.166666667]), 5,
            [(0, 4)], [(1, 4)], [(2, 4)], [(3, 4)]);

    [Fact]
    public void Property_6_is_two_boxes_with_the_same_unsafe_set()
    {
        var p = Acas(6);
        Assert.Equal(2, p.Cases.Count);
        var (first, second) = (p.Cases[0], p.Cases[1]);
        Assert.Equal([-0.129289109, 0.11140846, -0.499999896, -0.5, -0.5], first.Lower);
        Assert.Equal([0.700434925, 0.499999896, -0.499204121, 0.5, 0.5], first.Upper);
        Assert.Equal([-0.129289109, -0.499999896, -0.499999896, -0.5, -0.5], second.Lower);
        Assert.Equal([0.700434925, -0.11140846, -0.499204121, 0.5, 0.5], second.Upper);
        Assert.Equal((29, 30), (first.Line, second.Line)); // the lines of the two (and ...) alternatives
        foreach (var c in p.Cases)
            AssertDifferences(c, 5, [(1, 0)], [(2, 0)], [(3, 0)], [(4, 0)]);
    }

    [Fact]
    public void Property_7_has_two_alternatives_of_three_atoms() =>
        AssertDifferences(AcasCase(7, [-0.328422877, -0.499999896, -0.499999896, -0.5, -0.5],
            [0.679857769, 0.499999896, 0.499999896, 0.5, 0.5]), 5,
            [(3, 0), (3, 1), (3, 2)], [(4, 0), (4, 1), (4, 2)]);

    [Fact]
    public void Property_8_has_three_alternatives_of_two_atoms() =>
        AssertDifferences(AcasCase(8, [-0.328422877, -0.499999896, -0.015915494, -0.045454545, 0.0],
            [0.679857769, -0.374999922, 0.015915494, 0.5, 0.5]), 5,
            [(2, 0), (2, 1)], [(3, 0), (3, 1)], [(4, 0), (4, 1)]);

    [Fact]
    public void Property_9_says_y3_is_minimal() =>
        AssertDifferences(AcasCase(9, [-0.295233916, -0.063661977, -0.499999896, -0.5, -0.5],
            [-0.212261512, -0.022281692, -0.498408347, -0.454545455, -0.375]), 5,
            [(0, 3)], [(1, 3)], [(2, 3)], [(4, 3)]);

    [Fact]
    public void Property_10_says_y0_is_minimal() =>
        AssertDifferences(AcasCase(10, [0.268978427, 0.11140846, -0.499999896, 0.227272727, 0.0],
            [0.679857769, 0.499999896, -0.498408347, 0.5, 0.5]), 5,
            [(1, 0)], [(2, 0)], [(3, 0)], [(4, 0)]);

    [Fact]
    public void A_model_with_other_counts_is_refused_at_the_declarations()
    {
        var path = TestPaths.Model("acasxu/prop_1.vnnlib");
        var e = Assert.Throws<VnnLibException>(() => VnnLibReader.Read(path, expectedInputs: 784));
        Assert.Equal((path, 3, 1), (e.File, e.Line, e.Column));
        Assert.Contains("input count differs: the model has 784, the file declares 5 (X_0..X_4)", e.Reason);
        e = Assert.Throws<VnnLibException>(() => VnnLibReader.Read(path, expectedInputs: 5, expectedOutputs: 10));
        Assert.Equal(9, e.Line);
        Assert.Contains("the model has 10, the file declares 5 (Y_0..Y_4)", e.Reason);
    }

    [Theory]
    [InlineData(0, 8, 259, 0.04843137413263321, 0.108431376516819)]
    [InlineData(0, 8, 261, 0.9621568918228149, 1.0)]
    [InlineData(1, 1, 266, 0.6758823990821838, 0.7358823418617249)]
    [InlineData(1, 1, 267, 0.9660784602165222, 1.0)]
    [InlineData(2, 0, 260, 0.9700000286102295, 1.0)]
    [InlineData(2, 0, 264, 0.7190196514129639, 0.7790195941925049)]
    public void Mnist_properties_are_a_box_of_784_pixels_and_nine_rival_labels(
        int property, int label, int pixel, double lower, double upper)
    {
        var p = VnnLibReader.Read(TestPaths.Model($"mnistfc/prop_{property}_0.03.vnnlib"), 784, 10);
        Assert.Equal((784, 10), (p.InputCount, p.OutputCount));
        var c = Assert.Single(p.Cases);
        Assert.Equal(801, c.Line);
        Assert.Equal((lower, upper), (c.Lower[pixel], c.Upper[pixel]));
        Assert.Equal((0.0, 0.029999999329447746), (c.Lower[0], c.Upper[0]));
        Assert.Equal((0.0, 0.029999999329447746), (c.Lower[783], c.Upper[783]));
        for (int i = 0; i < 784; i++)
        {
            Assert.InRange(c.Lower[i], 0.0, c.Upper[i]);
            Assert.InRange(c.Upper[i] - c.Lower[i], 0.0, 0.0600001);
            Assert.InRange(c.Upper[i], 0.0, 1.0);
        }
        // (>= Y_j Y_label) for every other label j: Y_label − Y_j ≤ 0
        var rivals = Enumerable.Range(0, 10).Where(j => j != label).ToArray();
        AssertDifferences(c, 10, rivals.Select(j => new[] { (label, j) }).ToArray());
    }
}
