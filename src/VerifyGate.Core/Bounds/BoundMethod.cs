namespace VerifyGate.Core.Bounds;

/// <summary>How pre-activation bounds are computed, in order of cost and tightness.</summary>
public enum BoundMethod
{
    /// <summary>Interval arithmetic, node by node.</summary>
    Interval,
    /// <summary>CROWN/DeepPoly-style back-substitution to the input, intersected with interval bounds.</summary>
    Symbolic,
    /// <summary>Symbolic bounds, then every unstable pre-activation neuron minimised and maximised over
    /// the LP (triangle) relaxation of the network before it, layer by layer (<see cref="LpTightening"/>).</summary>
    LpTightened,
}

/// <summary>The phase of one ReLU neuron over the whole input box.</summary>
public enum NeuronState
{
    /// <summary>Pre-activation lower bound l &gt;= 0: the neuron is the identity.</summary>
    StableActive,
    /// <summary>Pre-activation upper bound u &lt;= 0: the neuron is z -> αz.</summary>
    StableInactive,
    /// <summary>l &lt; 0 &lt; u: the neuron needs a binary.</summary>
    Unstable,
}
