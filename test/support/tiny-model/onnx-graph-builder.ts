/**
 * A small helper to build ONNX graphs in Node with `onnx-proto`: named nodes, float/int64
 * initializers stored as raw bytes, graph inputs/outputs with symbolic dimensions.
 * Used by the tiny test models and the real-size random-weight benchmark model.
 */
import onnxProto from 'onnx-proto';

const { onnx } = onnxProto;

export type Dim = number | string;
/** an INT, INTS, STRING or (as `{ float }`) FLOAT attribute */
export type AttrValue = number | number[] | string | { float: number };

const FLOAT = onnx.TensorProto.DataType.FLOAT;
const INT64 = onnx.TensorProto.DataType.INT64;

export class OnnxGraphBuilder {
  private readonly nodes: onnxProto.onnx.INodeProto[] = [];
  private readonly initializers: onnxProto.onnx.ITensorProto[] = [];
  private readonly inputs: onnxProto.onnx.IValueInfoProto[] = [];
  private readonly outputs: onnxProto.onnx.IValueInfoProto[] = [];
  private counter = 0;

  constructor(private readonly graphName: string) {}

  /** a fresh tensor name with a readable prefix */
  name(prefix: string): string {
    this.counter += 1;
    return `${prefix}_${this.counter}`;
  }

  input(name: string, type: 'float' | 'int64', dims: readonly Dim[]): string {
    this.inputs.push(valueInfo(name, type, dims));
    return name;
  }

  output(name: string, type: 'float' | 'int64', dims: readonly Dim[]): void {
    this.outputs.push(valueInfo(name, type, dims));
  }

  floatTensor(prefix: string, dims: readonly number[], values: Float32Array): string {
    const expected = dims.reduce((a, b) => a * b, 1);
    if (values.length !== expected) throw new Error(`initializer ${prefix}: ${values.length} values for shape [${dims.join(', ')}]`);
    const name = this.name(prefix);
    this.initializers.push({
      name,
      dims: [...dims],
      dataType: FLOAT,
      rawData: new Uint8Array(values.buffer, values.byteOffset, values.byteLength),
    });
    return name;
  }

  int64Tensor(prefix: string, dims: readonly number[], values: readonly number[]): string {
    const name = this.name(prefix);
    const data = new BigInt64Array(values.map((v) => BigInt(v)));
    this.initializers.push({ name, dims: [...dims], dataType: INT64, rawData: new Uint8Array(data.buffer) });
    return name;
  }

  int8Tensor(prefix: string, dims: readonly number[], values: Int8Array): string {
    const name = this.name(prefix);
    this.initializers.push({ name, dims: [...dims], dataType: onnx.TensorProto.DataType.INT8, rawData: new Uint8Array(values.buffer, values.byteOffset, values.byteLength) });
    return name;
  }

  scalarFloat(prefix: string, value: number): string {
    return this.floatTensor(prefix, [], new Float32Array([value]));
  }

  /** add a node; returns the name of its first output (or all of them when outputCount > 1) */
  node(opType: string, inputs: readonly string[], attrs: Record<string, AttrValue> = {}, outputName?: string): string {
    const out = outputName ?? this.name(opType.toLowerCase());
    this.nodes.push({
      opType,
      name: this.name(`${opType}_node`),
      input: [...inputs],
      output: [out],
      attribute: Object.entries(attrs).map(([key, value]) => attribute(key, value)),
    });
    return out;
  }

  /** add a node with several outputs; returns their names */
  nodeOutputs(opType: string, inputs: readonly string[], outputCount: number, attrs: Record<string, AttrValue> = {}): string[] {
    const outs = Array.from({ length: outputCount }, () => this.name(opType.toLowerCase()));
    this.nodes.push({
      opType,
      name: this.name(`${opType}_node`),
      input: [...inputs],
      output: outs,
      attribute: Object.entries(attrs).map(([key, value]) => attribute(key, value)),
    });
    return outs;
  }

  /** serialise as a ModelProto (IR 8, default opset 17) */
  encode(producer = 'ecoute-tiny-model', opset = 17): Uint8Array {
    const model = onnx.ModelProto.create({
      irVersion: 8,
      producerName: producer,
      opsetImport: [{ domain: '', version: opset }],
      graph: {
        name: this.graphName,
        node: this.nodes,
        initializer: this.initializers,
        input: this.inputs,
        output: this.outputs,
      },
    });
    return onnx.ModelProto.encode(model).finish();
  }
}

function valueInfo(name: string, type: 'float' | 'int64', dims: readonly Dim[]): onnxProto.onnx.IValueInfoProto {
  return {
    name,
    type: {
      tensorType: {
        elemType: type === 'float' ? FLOAT : INT64,
        shape: { dim: dims.map((d) => (typeof d === 'number' ? { dimValue: d } : { dimParam: d })) },
      },
    },
  };
}

function attribute(name: string, value: AttrValue): onnxProto.onnx.IAttributeProto {
  const T = onnx.AttributeProto.AttributeType;
  if (typeof value === 'string') return { name, type: T.STRING, s: new TextEncoder().encode(value) };
  if (Array.isArray(value)) return { name, type: T.INTS, ints: value };
  if (typeof value === 'object') return { name, type: T.FLOAT, f: value.float };
  return { name, type: T.INT, i: value };
}
