using VerifyGate.Core.Problems;

namespace VerifyGate.Core.Search;

/// <summary>Passes the search's anytime interval on as engine progress, with the open node count.</summary>
public sealed class SearchProgressRelay(IProgress<BoundsProgress> target) : IProgress<SearchProgress>
{
    public void Report(SearchProgress value) =>
        target.Report(new BoundsProgress(value.Elapsed, value.Lower, double.IsFinite(value.Upper) ? value.Upper : null, value.OpenNodes));
}
