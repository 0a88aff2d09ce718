using VerifyGate.Cli;
using VerifyGate.Core.Checking;

namespace VerifyGate.Core.Tests.Cli;

public class ProgressLineTests
{
    [Fact]
    public void A_long_solve_is_drawn_on_one_rewritten_line_and_erased_when_it_finishes()
    {
        var terminal = new StringWriter();
        using (var line = new ProgressLine(terminal))
        {
            line.Report(new CheckProgress("a.verify.json", "p", TimeSpan.FromSeconds(5), 1.5, 2.5));
            line.Draw();
            line.Report(new CheckProgress("a.verify.json", "p", TimeSpan.FromSeconds(6), 1.5, 2.5, Finished: true));
            string drawn = terminal.ToString();
            Assert.StartsWith("\r", drawn);
            Assert.Contains("a.verify.json: p  certified [1.5, 2.5]", drawn);
            Assert.DoesNotContain("\n", drawn);
            Assert.EndsWith("\r", drawn);
            Assert.Matches(@"\r\s+\r$", drawn);
        }
    }

    [Fact]
    public void Nothing_is_drawn_in_a_solve_s_first_second()
    {
        var terminal = new StringWriter();
        using (var line = new ProgressLine(terminal))
        {
            line.Report(new CheckProgress("a.verify.json", "p", TimeSpan.Zero, null, null));
            line.Draw();
            Assert.Equal("", terminal.ToString());
        }
    }
}
