using Onnx;
using VerifyGate.Core.Networks;
using VerifyGate.Core.Onnx.Lowerings;
using ElemType = Onnx.TensorProto.Types.DataType;

namespace VerifyGate.Core.Onnx;

/// <summary>Turns a parsed ONNX model into the network IR: checks the graph's interface, lowers each
/// node in order, then folds affine chains.</summary>
internal static class GraphImport
{
    public static ImportedModel Run(ModelProto model, string path)
    {
        var graph = model.Graph ?? throw new OnnxImportException(ImportCodes.NotOnnx, "the file holds no graph");
        if (graph.Node.Count == 0 && graph.Input.Count == 0 && graph.Output.Count == 0)
            throw new OnnxImportException(ImportCodes.NotOnnx, "the file holds an empty graph (not an ONNX model?)");
        long opset = model.OpsetImport.Where(o => o.Domain is "" or "ai.onnx").Select(o => o.Version).DefaultIfEmpty(0).Max();

        var initializerNames = graph.Initializer.Select(t => t.Name).ToHashSet();
        // Old exporters list the weights as graph inputs too; those are initializers, not data.
        var dataInputs = graph.Input.Where(i => !initializerNames.Contains(i.Name)).ToList();
        if (dataInputs.Count != 1)
            throw ImportCodes.Structure($"the model has {dataInputs.Count} data inputs ({Names(dataInputs)}); exactly one is supported");
        if (graph.Output.Count != 1)
            throw ImportCodes.Structure($"the model has {graph.Output.Count} outputs ({Names(graph.Output)}); exactly one is supported");
        if (graph.SparseInitializer.Count > 0)
            throw ImportCodes.Structure("sparse initializers are not supported");
        CheckOperators(graph);

        var input = dataInputs[0];
        var inputShape = InputShape(input);
        var builder = new NetworkBuilder(Shapes.Product(inputShape), input.Name);
        var context = new ImportContext(builder, graph.Initializer, opset);
        context.Set(input.Name, new NodeTensor(inputShape, builder.Input));
        foreach (var node in graph.Node)
            OperatorRegistry.Find(node.Domain, node.OpType)!.Lower(node, context);

        var output = graph.Output[0];
        var result = context.TryGet(output.Name) switch
        {
            NodeTensor n => n,
            ConstantTensor => throw ImportCodes.Structure($"the output '{output.Name}' does not depend on the input"),
            _ => throw ImportCodes.Structure($"the output '{output.Name}' is not computed by any node"),
        };
        CheckDeclaredShape(output, result.Shape);
        int outputNode = result.Node;
        if (outputNode == builder.Input)
            outputNode = builder.Affine(builder.Input, SparseMatrix.Identity(result.Size), new double[result.Size], output.Name);

        Network network;
        try
        {
            network = AffineFolding.Fold(builder.Build(outputNode, inputShape, result.Shape));
        }
        catch (NetworkException e)
        {
            throw ImportCodes.Structure(e.Message);
        }
        return new ImportedModel(network, path, input.Name, inputShape, output.Name, result.Shape, CountOperators(graph), opset);
    }

    private static void CheckOperators(GraphProto graph)
    {
        foreach (var node in graph.Node)
            if (OperatorRegistry.Find(node.Domain, node.OpType) == null)
            {
                string op = node.Domain is "" or "ai.onnx" ? node.OpType : $"{node.Domain}.{node.OpType}";
                int others = graph.Node.Count(n => OperatorRegistry.Find(n.Domain, n.OpType) == null) - 1;
                string more = others > 0 ? $" and {others} more unsupported node{(others > 1 ? "s" : "")}" : "";
                throw ImportCodes.Operator($"unsupported operator {op} (node '{node.DisplayName()}'){more}; supported: {string.Join(", ", OperatorRegistry.Supported)}");
            }
    }

    private static int[] InputShape(ValueInfoProto input)
    {
        var tensorType = input.Type?.TensorType
            ?? throw ImportCodes.Structure($"the input '{input.Name}' is not a tensor");
        var elem = (ElemType)tensorType.ElemType;
        if (elem is not (ElemType.Float or ElemType.Double))
            throw ImportCodes.Structure($"the input '{input.Name}' has element type {elem}; float or double is supported");
        var dims = tensorType.Shape?.Dim
            ?? throw ImportCodes.Structure($"the input '{input.Name}' has no declared shape");
        var shape = new int[dims.Count];
        for (int i = 0; i < dims.Count; i++)
        {
            var d = dims[i];
            if (d.HasDimValue)
            {
                if (d.DimValue <= 0 || d.DimValue > int.MaxValue)
                    throw ImportCodes.Structure($"the input '{input.Name}' has dimension {d.DimValue} at axis {i} (shape {FormatDims(dims)})");
                shape[i] = (int)d.DimValue;
            }
            else if (i == 0) shape[i] = 1; // a symbolic or unknown batch dimension
            else throw ImportCodes.Structure($"the input '{input.Name}' has a symbolic dimension '{d.DimParam}' at axis {i} (shape {FormatDims(dims)}); only the batch axis may be symbolic");
        }
        return shape;
    }

    private static void CheckDeclaredShape(ValueInfoProto output, int[] shape)
    {
        var dims = output.Type?.TensorType?.Shape?.Dim;
        if (dims == null || dims.Count == 0) return;
        bool matches = dims.Count == shape.Length;
        for (int i = 0; matches && i < dims.Count; i++)
        {
            if (dims[i].HasDimValue && dims[i].DimValue == 0)
                throw ImportCodes.Structure($"the output '{output.Name}' has dimension 0 at axis {i}");
            if (dims[i].HasDimValue && dims[i].DimValue != shape[i]) matches = false;
        }
        if (!matches)
            throw ImportCodes.Structure($"the output '{output.Name}' is declared with shape {FormatDims(dims)} but computes {Shapes.Format(shape)}");
    }

    private static IReadOnlyList<OperatorCount> CountOperators(GraphProto graph) =>
        graph.Node.GroupBy(n => n.OpType).Select(g => new OperatorCount(g.Key, g.Count())).ToList();

    private static string Names(IEnumerable<ValueInfoProto> values) =>
        string.Join(", ", values.Select(v => $"'{v.Name}'"));

    private static string FormatDims(IEnumerable<TensorShapeProto.Types.Dimension> dims) =>
        "[" + string.Join(",", dims.Select(d => d.HasDimValue ? d.DimValue.ToString() : d.DimParam.Length > 0 ? d.DimParam : "?")) + "]";
}
