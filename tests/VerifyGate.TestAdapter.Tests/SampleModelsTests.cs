using VerifyGate.Samples;

namespace VerifyGate.TestAdapter.Tests;

public class SampleModelsTests
{
    [Fact]
    public void The_generator_reproduces_the_committed_models_bit_for_bit()
    {
        string directory = RepoPaths.TempDirectory("vg-models");
        try
        {
            var written = SampleModels.Write(directory);
            Assert.Equal(4, written.Count);
            foreach (string path in written)
            {
                string committed = RepoPaths.Of(Path.Combine("samples", "ModelRepo", "models", Path.GetFileName(path)));
                Assert.True(File.ReadAllBytes(committed).SequenceEqual(File.ReadAllBytes(path)), $"{Path.GetFileName(path)} differs from the generator's output");
            }
        }
        finally
        {
            Directory.Delete(directory, recursive: true);
        }
    }

    [Fact]
    public void The_pruned_controller_has_zeroed_weights_and_the_same_biases()
    {
        var models = SampleModels.Build();
        var controller = models.Single(m => m.FileName == "controller.onnx");
        var pruned = models.Single(m => m.FileName == "controller-pruned.onnx");
        Assert.NotEqual(controller.Bytes, pruned.Bytes);
        Assert.Contains("zeroed (", pruned.Summary);
    }
}
