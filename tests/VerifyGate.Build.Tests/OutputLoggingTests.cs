using Microsoft.Build.Framework;

namespace VerifyGate.Build.Tests;

/// <summary>What the task makes of the CLI's output lines (no process is started).</summary>
public class OutputLoggingTests
{
    private static (CheckProperties Task, RecordingBuildEngine Engine) NewTask()
    {
        var engine = new RecordingBuildEngine();
        return (new CheckProperties { BuildEngine = engine }, engine);
    }

    [Fact]
    public void A_violated_property_is_an_error_at_its_position()
    {
        var (task, engine) = NewTask();
        task.LogOutputLine("/repo/models/a.verify.json(9,17): error VG3001: property 'tight' is violated: Lipschitz constant in [12.6, 12.6] > atMost 5");

        var error = Assert.Single(engine.Errors);
        Assert.Equal("/repo/models/a.verify.json", error.File);
        Assert.Equal(9, error.LineNumber);
        Assert.Equal(17, error.ColumnNumber);
        Assert.Equal(0, error.EndLineNumber);
        Assert.Equal(0, error.EndColumnNumber);
        Assert.Equal("VG3001", error.Code);
        Assert.Equal("property 'tight' is violated: Lipschitz constant in [12.6, 12.6] > atMost 5", error.Message);
        Assert.Empty(engine.Warnings);
    }

    [Fact]
    public void An_inconclusive_property_with_warn_is_a_warning()
    {
        var (task, engine) = NewTask();
        task.LogOutputLine("/repo/b.verify.json(4,3): warning VG3002: property 'slow' is inconclusive: [1, 3] around atMost 2 (onInconclusive: warn)");

        var warning = Assert.Single(engine.Warnings);
        Assert.Equal(("/repo/b.verify.json", 4, 3, "VG3002"), (warning.File, warning.LineNumber, warning.ColumnNumber, warning.Code));
        Assert.Empty(engine.Errors);
    }

    [Fact]
    public void A_file_level_error_has_the_file_and_no_position()
    {
        var (task, engine) = NewTask();
        task.LogOutputLine("/repo/models/x.onnx: error VG2002: the model is truncated");

        var error = Assert.Single(engine.Errors);
        Assert.Equal(("/repo/models/x.onnx", 0, 0, "VG2002"), (error.File, error.LineNumber, error.ColumnNumber, error.Code));
    }

    [Fact]
    public void Result_lines_and_solver_output_are_messages()
    {
        var (task, engine) = NewTask();
        task.LogOutputLine("error         /repo/x.verify.json: (file)  /repo/x.verify.json(8,51): error VG1021: domain ...");
        task.LogOutputLine("WARNING: unresolved numerical troubles in LP 12");
        task.LogOutputLine("passed        /repo/a.verify.json: p  [1, 1] atMost 2  0.1 s");

        Assert.Empty(engine.Errors);
        Assert.Empty(engine.Warnings);
        Assert.Equal(3, engine.Messages.Count);
        Assert.All(engine.Messages, m => Assert.Equal(MessageImportance.High, m.Importance));
    }
}
