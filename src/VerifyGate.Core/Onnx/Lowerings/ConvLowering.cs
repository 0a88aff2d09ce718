using Onnx;
using VerifyGate.Core.Networks;

namespace VerifyGate.Core.Onnx.Lowerings;

/// <summary>Conv over a batch-1 input [1, C, H, W] (or [1, C, L]), lowered to a sparse matrix over the
/// flattened CHW layout: pads (or auto_pad), strides, dilations, groups and an optional bias.</summary>
internal sealed class ConvLowering : IOperatorLowering
{
    public void Lower(NodeProto node, ImportContext context)
    {
        var x = context.Computed(node, 0, "data input");
        var w = context.Constant(node, 1, "kernel");
        string where = node.Describe();
        bool oneD = x.Shape.Length == 3;
        if (x.Shape.Length is not (3 or 4) || w.Shape.Length != x.Shape.Length)
            throw ImportCodes.Operator($"unsupported use of operator Conv (node '{node.DisplayName()}'): only 1-D and 2-D convolutions are supported (input {Shapes.Format(x.Shape)}, kernel {Shapes.Format(w.Shape)})");
        if (x.Shape[0] != 1)
            throw ImportCodes.Structure($"{where}: batch size {x.Shape[0]} is not supported");
        // Treat 1-D as 2-D with height 1.
        int channels = x.Shape[1], height = oneD ? 1 : x.Shape[2], width = x.Shape[^1];
        int outChannels = w.Shape[0], groupChannels = w.Shape[1];
        int kh = oneD ? 1 : w.Shape[2], kw = w.Shape[^1];
        int groups = checked((int)node.Int("group", 1));
        if (groups <= 0 || channels % groups != 0 || outChannels % groups != 0 || groupChannels != channels / groups)
            throw ImportCodes.Structure($"{where}: kernel {Shapes.Format(w.Shape)} with {groups} groups does not fit {channels} input channels");
        if (node.Ints("kernel_shape") is { } ks && !ks.SequenceEqual(w.Shape.Skip(2).Select(d => (long)d)))
            throw ImportCodes.Structure($"{where}: kernel_shape [{string.Join(",", ks)}] differs from the kernel {Shapes.Format(w.Shape)}");

        int spatial = oneD ? 1 : 2;
        var strides = Expand(node.Ints("strides"), spatial, 1, "strides", where);
        var dilations = Expand(node.Ints("dilations"), spatial, 1, "dilations", where);
        var pads = Expand(node.Ints("pads"), 2 * spatial, 0, "pads", where);
        if (strides.Concat(dilations).Any(v => v <= 0) || pads.Any(v => v < 0))
            throw ImportCodes.Structure($"{where}: strides, dilations and pads must be positive");
        int sh = oneD ? 1 : strides[0], sw = strides[^1], dh = oneD ? 1 : dilations[0], dw = dilations[^1];
        int extentH = (kh - 1) * dh + 1, extentW = (kw - 1) * dw + 1;
        (int padTop, int padBottom) = oneD ? (0, 0) : (pads[0], pads[spatial]);
        (int padLeft, int padRight) = (pads[spatial - 1], pads[2 * spatial - 1]);
        string autoPad = node.String("auto_pad") ?? "NOTSET";
        if (autoPad is "SAME_UPPER" or "SAME_LOWER")
        {
            (padTop, padBottom) = oneD ? (0, 0) : SamePads(height, sh, extentH, autoPad == "SAME_UPPER");
            (padLeft, padRight) = SamePads(width, sw, extentW, autoPad == "SAME_UPPER");
        }
        else if (autoPad == "VALID") (padTop, padBottom, padLeft, padRight) = (0, 0, 0, 0);
        else if (autoPad != "NOTSET") throw ImportCodes.Structure($"{where}: auto_pad '{autoPad}' is not supported");

        int outH = (height + padTop + padBottom - extentH) / sh + 1;
        int outW = (width + padLeft + padRight - extentW) / sw + 1;
        if (height + padTop + padBottom < extentH || width + padLeft + padRight < extentW)
            throw ImportCodes.Structure($"{where}: the kernel is larger than the padded input {Shapes.Format(x.Shape)}");

        var bias = new double[outChannels * outH * outW];
        if (context.HasInput(node, 2))
        {
            var b = context.Constant(node, 2, "bias");
            if (b.Size != outChannels) throw ImportCodes.Structure($"{where}: bias has {b.Size} values for {outChannels} output channels");
            for (int i = 0; i < bias.Length; i++) bias[i] = b.Data[i / (outH * outW)];
        }

        int outPerGroup = outChannels / groups;
        var weight = new SparseMatrix.Builder(bias.Length, x.Size);
        for (int m = 0; m < outChannels; m++)
        {
            int firstChannel = m / outPerGroup * groupChannels;
            for (int oh = 0; oh < outH; oh++)
                for (int ow = 0; ow < outW; ow++)
                {
                    int row = (m * outH + oh) * outW + ow;
                    for (int c = 0; c < groupChannels; c++)
                        for (int i = 0; i < kh; i++)
                        {
                            int ih = oh * sh - padTop + i * dh;
                            if (ih < 0 || ih >= height) continue;
                            for (int j = 0; j < kw; j++)
                            {
                                int iw = ow * sw - padLeft + j * dw;
                                if (iw < 0 || iw >= width) continue;
                                double v = w.Data[((m * groupChannels + c) * kh + i) * kw + j];
                                if (v != 0.0) weight.Add(row, ((firstChannel + c) * height + ih) * width + iw, v);
                            }
                        }
                }
        }
        int[] shape = oneD ? [1, outChannels, outW] : [1, outChannels, outH, outW];
        context.SetOutput(node, context.AddAffine(node, x, weight.Build(), bias, shape));
    }

    private static int[] Expand(long[]? values, int count, int fallback, string name, string where)
    {
        if (values == null || values.Length == 0) return Enumerable.Repeat(fallback, count).ToArray();
        if (values.Length != count) throw ImportCodes.Structure($"{where}: {name} has {values.Length} values, expected {count}");
        return values.Select(v => checked((int)v)).ToArray();
    }

    private static (int Begin, int End) SamePads(int size, int stride, int extent, bool upper)
    {
        int output = (size + stride - 1) / stride;
        int total = Math.Max(0, (output - 1) * stride + extent - size);
        int small = total / 2, large = total - small;
        return upper ? (small, large) : (large, small);
    }
}
