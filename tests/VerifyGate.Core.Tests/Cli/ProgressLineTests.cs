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
    public void A_search_shows_its_open_node_count_beside_the_certified_interval()
    {
        var terminal = new StringWriter();
        using (var line = new ProgressLine(terminal))
        {
            line.Report(new CheckProgress("a.verify.json", "p", TimeSpan.FromSeconds(5), 1.5, 2.5, OpenNodes: 12));
            line.Draw();
            Assert.Contains("a.verify.json: p  certified [1.5, 2.5], 12 open", terminal.ToString());
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

    [Fact]
    public void Start_lines_name_each_property_once_when_it_starts()
    {
        var log = new StringWriter();
        var lines = new StartLines(log);
        lines.Report(new CheckProgress("a.verify.json", "p", TimeSpan.Zero, null, null));
        lines.Report(new CheckProgress("a.verify.json", "p", TimeSpan.FromSeconds(2), 1.5, 2.5));
        lines.Report(new CheckProgress("a.verify.json", "p", TimeSpan.FromSeconds(3), 1.5, 2.5, Finished: true));
        lines.Report(new CheckProgress("a.verify.json", "q", TimeSpan.Zero, null, null));

        Assert.Equal(["verifygate: checking a.verify.json: p", "verifygate: checking a.verify.json: q"],
            log.ToString().Split(Environment.NewLine, StringSplitOptions.RemoveEmptyEntries));
    }
}
