using Microsoft.Testing.Platform.Extensions.Messages;
using Microsoft.Testing.Platform.Extensions.TestFramework;
using Microsoft.Testing.Platform.Requests;
using VerifyGate.TestAdapter;

namespace VerifyGate.TestingPlatform;

#pragma warning disable TPEXP // TreeNodeFilter and the request context's constructor are marked experimental by the platform.

/// <summary><c>--treenode-filter</c> over the test hierarchy: a property's path is <c>/assembly/folder/file/property</c>
/// (<c>/Models/models/controller/action-scores-lipschitz-linf</c>; the folder segment of a file in the repository root
/// is <c>.</c>), and the Kind and Model traits are its filterable properties (<c>/**[Kind=lipschitz]</c>). The filter
/// becomes the list of ids it selects, which the VSTest bridge applies as it applies a client's choice.</summary>
internal static class TreePaths
{
    public const string RootFolder = ".";

    public static ExecuteRequestContext Resolve(ExecuteRequestContext context, IEnumerable<string> sources)
    {
        IRequest? request = context.Request switch
        {
            DiscoverTestExecutionRequest { Filter: TreeNodeFilter tree } discover => new DiscoverTestExecutionRequest(discover.Session, Ids(tree, sources)),
            RunTestExecutionRequest { Filter: TreeNodeFilter tree } run => new RunTestExecutionRequest(run.Session, Ids(tree, sources)),
            _ => null,
        };
        return request is null ? context : new ExecuteRequestContext(request, context.MessageBus, new Completion(context), context.CancellationToken);
    }

    public static TestNodeUidListFilter Ids(TreeNodeFilter tree, IEnumerable<string> sources) =>
        new([.. Sources.Discover(sources).Where(t => tree.MatchesFilter(PathOf(t), Traits(t.Property))).Select(t => new TestNodeUid(t.Test.Id.ToString()))]);

    public static string PathOf(PropertyTest test)
    {
        var levels = TestCases.Hierarchy(test.Property);
        string folder = levels[1] is { Length: > 0 } f ? f : RootFolder;
        return $"/{Path.GetFileNameWithoutExtension(test.Test.Source)}/{folder}/{levels[2]}/{levels[3]}";
    }

    private static PropertyBag Traits(PropertyCase property)
    {
        var bag = new PropertyBag();
        if (property.Kind.Length > 0) bag.Add(new TestMetadataProperty("Kind", property.Kind));
        if (property.Model.Length > 0) bag.Add(new TestMetadataProperty("Model", property.Model));
        return bag;
    }

    /// <summary>Completing the replacement request completes the platform's.</summary>
    private sealed class Completion(ExecuteRequestContext original) : IExecuteRequestCompletionNotifier
    {
        public void Complete() => original.Complete();
    }
}
