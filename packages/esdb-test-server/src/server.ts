/**
 * The test server's gRPC surface, built on the service definitions and message classes that the
 * client under test ships in its `generated/` folder, so the wire format matches by construction:
 * `ServerFeatures.GetSupportedMethods`, `Streams.Append`, `Streams.BatchAppend`, `Streams.Read`
 * (streams and `$all`, forwards and backwards, catch-up subscriptions to `$all` with server-side
 * filters and checkpoints), `Streams.Delete`, `Streams.Tombstone`, and for the Kurrent client the
 * newer protocol's atomic multi-stream `StreamsService.AppendSession`.
 *
 * Load it in its own process (see `main.ts`): the generated classes of two clients in one process
 * break each other's serialization. A test fixture, never shipped.
 */
import { createRequire } from 'node:module';
import * as grpc from '@grpc/grpc-js';
import type * as SharedPb from '@eventstore/db-client/generated/shared_pb';
import type * as StreamsPb from '@eventstore/db-client/generated/streams_pb';
import type * as V2Pb from '@kurrent/kurrentdb-client/generated/kurrentdb/protocols/v2/streams/streams_pb';
import {
  Database,
  isSystem,
  type AppendOutcome,
  type Expected,
  type ProposedRecord,
  type StoredRecord,
} from './database.js';

/** Which client's generated code to serve with, and which features to advertise. */
export interface ServerSettings {
  readonly client: 'esdb' | 'kurrent';
  /** Advertise `BatchAppend` (the client then appends through it rather than `Append`). */
  readonly batchAppend: boolean;
  /** Serve and advertise KurrentDB 25.1's multi-stream `AppendSession` (Kurrent client only). */
  readonly multiStreamAppend: boolean;
}

interface Modules {
  readonly streams: typeof StreamsPb;
  readonly shared: typeof SharedPb;
  readonly streamsGrpc: { readonly StreamsService: grpc.ServiceDefinition };
  readonly featuresGrpc: { readonly ServerFeaturesService: grpc.ServiceDefinition };
  readonly features: {
    readonly SupportedMethods: new () => {
      setMethodsList: (methods: ReadonlyArray<unknown>) => void;
      setEventStoreServerVersion: (version: string) => void;
    };
    readonly SupportedMethod: new () => {
      setMethodName: (name: string) => void;
      setServiceName: (name: string) => void;
      setFeaturesList: (features: ReadonlyArray<string>) => void;
    };
  };
  readonly status: {
    readonly Status: new () => {
      setCode: (code: number) => void;
      setMessage: (message: string) => void;
      setDetails: (details: unknown) => void;
      serializeBinary: () => Uint8Array;
    };
  };
  readonly any: {
    readonly Any: new () => {
      pack: (bytes: Uint8Array, typeName: string, prefix?: string) => void;
      setTypeUrl: (url: string) => void;
      setValue: (bytes: Uint8Array) => void;
    };
  };
  readonly empty: { readonly Empty: new () => never };
  readonly v2?: {
    readonly streams: typeof V2Pb;
    readonly grpc: { readonly StreamsServiceService: grpc.ServiceDefinition };
    readonly errors: {
      readonly StreamRevisionConflictErrorDetails: new () => {
        setStream: (s: string) => void;
        setExpectedRevision: (s: string) => void;
        setActualRevision: (s: string) => void;
        serializeBinary: () => Uint8Array;
      };
    };
  };
}

function loadModules(client: ServerSettings['client']): Modules {
  const require = createRequire(import.meta.url);
  if (client === 'esdb') {
    const base = '@eventstore/db-client/generated/';
    const from = createRequire(require.resolve(`${base}streams_pb.js`));
    return {
      streams: require(`${base}streams_pb.js`),
      shared: require(`${base}shared_pb.js`),
      streamsGrpc: require(`${base}streams_grpc_pb.js`),
      featuresGrpc: require(`${base}serverfeatures_grpc_pb.js`),
      features: require(`${base}serverfeatures_pb.js`),
      status: require(`${base}status_pb.js`),
      any: from('google-protobuf/google/protobuf/any_pb.js'),
      empty: from('google-protobuf/google/protobuf/empty_pb.js'),
    };
  }
  const base = '@kurrent/kurrentdb-client/generated/kurrentdb/protocols/';
  const from = createRequire(require.resolve(`${base}v1/streams_pb.js`));
  return {
    streams: require(`${base}v1/streams_pb.js`),
    shared: require(`${base}v1/shared_pb.js`),
    streamsGrpc: require(`${base}v1/streams_grpc_pb.js`),
    featuresGrpc: require(`${base}v1/serverfeatures_grpc_pb.js`),
    features: require(`${base}v1/serverfeatures_pb.js`),
    status: require(`${base}v1/status_pb.js`),
    any: from('google-protobuf/google/protobuf/any_pb.js'),
    empty: from('google-protobuf/google/protobuf/empty_pb.js'),
    v2: {
      streams: require(`${base}v2/streams/streams_pb.js`),
      grpc: require(`${base}v2/streams/streams_grpc_pb.js`),
      errors: require(`${base}v2/streams/errors_pb.js`),
    },
  };
}

/** A running test server. */
export interface RunningServer {
  /** The connection string the clients use: insecure, loopback. */
  readonly connectionString: string;
  /** How many times each RPC was called, by method name (`Append`, `BatchAppend`, ...). */
  readonly calls: () => Readonly<Record<string, number>>;
  readonly stop: () => Promise<void>;
}

const utf8 = new TextEncoder();

/** Starts the server on a free loopback port. */
export async function startServer(settings: ServerSettings): Promise<RunningServer> {
  const m = loadModules(settings.client);
  const db = new Database();
  const server = new grpc.Server();
  const calls: Record<string, number> = {};
  const count = (method: string) => {
    calls[method] = (calls[method] ?? 0) + 1;
  };
  const { StreamsService } = m.streamsGrpc;

  const serviceError = (code: grpc.status, details: string, metadata = new grpc.Metadata()) =>
    Object.assign(new Error(details), { code, details, metadata });
  const exceptionError = (exception: string, stream: string, code = grpc.status.UNKNOWN) => {
    const metadata = new grpc.Metadata();
    metadata.set('exception', exception);
    metadata.set('stream-name', stream);
    return serviceError(code, '', metadata);
  };

  const streamName = (identifier: SharedPb.StreamIdentifier | undefined): string =>
    Buffer.from(identifier?.getStreamName_asU8() ?? new Uint8Array()).toString('utf8');
  const identifier = (stream: string): SharedPb.StreamIdentifier => {
    const id = new m.shared.StreamIdentifier();
    id.setStreamName(utf8.encode(stream));
    return id;
  };
  const uuidText = (uuid: SharedPb.UUID | undefined): string => {
    if (uuid === undefined) return '';
    if (!uuid.hasStructured()) return uuid.getString();
    const structured = uuid.getStructured();
    const view = new DataView(new ArrayBuffer(16));
    view.setBigUint64(0, BigInt.asUintN(64, BigInt(structured?.getMostSignificantBits() ?? 0)));
    view.setBigUint64(8, BigInt.asUintN(64, BigInt(structured?.getLeastSignificantBits() ?? 0)));
    const hex = Buffer.from(view.buffer).toString('hex');
    return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
  };
  const proposed = (
    message: StreamsPb.AppendReq.ProposedMessage | StreamsPb.BatchAppendReq.ProposedMessage,
  ): ProposedRecord => ({
    id: uuidText(message.getId()),
    type: message.getMetadataMap().get('type') ?? '',
    contentType: message.getMetadataMap().get('content-type') ?? 'application/octet-stream',
    data: message.getData_asU8(),
    customMetadata: message.getCustomMetadata_asU8(),
  });

  // ---------------------------------------------------------------------------------------------
  // Reads
  // ---------------------------------------------------------------------------------------------

  const readEvent = (record: StoredRecord): StreamsPb.ReadResp => {
    const recorded = new m.streams.ReadResp.ReadEvent.RecordedEvent();
    const id = new m.shared.UUID();
    id.setString(record.id);
    recorded.setId(id);
    recorded.setStreamIdentifier(identifier(record.stream));
    recorded.setStreamRevision(record.revision.toString());
    recorded.setCommitPosition(record.position.toString());
    recorded.setPreparePosition(record.position.toString());
    recorded.getMetadataMap().set('type', record.type);
    recorded.getMetadataMap().set('content-type', record.contentType);
    recorded.getMetadataMap().set('created', record.created.toString());
    recorded.setCustomMetadata(record.customMetadata);
    recorded.setData(record.data);
    const event = new m.streams.ReadResp.ReadEvent();
    event.setEvent(recorded);
    event.setCommitPosition(record.position.toString());
    const response = new m.streams.ReadResp();
    response.setEvent(event);
    return response;
  };

  type Filter = (record: StoredRecord) => boolean;
  const filterOf = (options: StreamsPb.ReadReq.Options): Filter => {
    if (!options.hasFilter()) return () => true;
    const filter = options.getFilter() as StreamsPb.ReadReq.Options.FilterOptions;
    const onStream = filter.hasStreamIdentifier();
    const expression = onStream ? filter.getStreamIdentifier() : filter.getEventType();
    const prefixes = expression?.getPrefixList() ?? [];
    const regex = expression?.getRegex() ?? '';
    const pattern = regex === '' ? undefined : new RegExp(regex);
    return (record) => {
      if (isSystem(record)) return false;
      const subject = onStream ? record.stream : record.type;
      return (
        (prefixes.length === 0 || prefixes.some((p) => subject.startsWith(p))) &&
        (pattern === undefined || pattern.test(subject))
      );
    };
  };

  const checkpoint = (record: StoredRecord): StreamsPb.ReadResp => {
    const point = new m.streams.ReadResp.Checkpoint();
    point.setCommitPosition(record.position.toString());
    point.setPreparePosition(record.position.toString());
    const response = new m.streams.ReadResp();
    response.setCheckpoint(point);
    return response;
  };

  const subscribeToAll = (
    call: grpc.ServerWritableStream<StreamsPb.ReadReq, StreamsPb.ReadResp>,
    options: StreamsPb.ReadReq.Options,
  ) => {
    const all = options.getAll() as StreamsPb.ReadReq.Options.AllOptions;
    const filter = filterOf(options);
    const filterOptions = options.hasFilter() ? options.getFilter() : undefined;
    const interval =
      filterOptions === undefined
        ? 0
        : (filterOptions.hasMax() ? filterOptions.getMax() : 32) *
          filterOptions.getCheckpointintervalmultiplier();
    let scanned = 0;
    const send = (record: StoredRecord) => {
      if (call.cancelled || call.destroyed) return;
      if (filter(record)) call.write(readEvent(record));
      scanned += 1;
      if (interval > 0 && scanned % interval === 0) call.write(checkpoint(record));
    };
    const confirmation = new m.streams.ReadResp.SubscriptionConfirmation();
    confirmation.setSubscriptionId(`subscription-${Math.random().toString(16).slice(2)}`);
    const confirmed = new m.streams.ReadResp();
    confirmed.setConfirmation(confirmation);
    call.write(confirmed);
    const after = all.hasPosition() ? BigInt(all.getPosition()?.getCommitPosition() ?? '0') : -1n;
    const live = all.hasEnd();
    const unlisten = db.listen(send);
    if (!live) for (const record of db.log()) if (record.position > after) send(record);
    const caughtUp = new m.streams.ReadResp();
    caughtUp.setCaughtUp(new m.streams.ReadResp.CaughtUp());
    call.write(caughtUp);
    call.on('cancelled', unlisten);
    call.on('close', unlisten);
  };

  const read = (call: grpc.ServerWritableStream<StreamsPb.ReadReq, StreamsPb.ReadResp>) => {
    count('Read');
    const options = call.request.getOptions() as StreamsPb.ReadReq.Options;
    const backwards =
      options.getReadDirection() === m.streams.ReadReq.Options.ReadDirection.BACKWARDS;
    if (options.hasSubscription()) {
      if (!options.hasAll()) {
        call.emit(
          'error',
          serviceError(grpc.status.UNIMPLEMENTED, 'Only $all subscriptions are served'),
        );
        return;
      }
      subscribeToAll(call, options);
      return;
    }
    const limit = Number(options.getCount());
    let selected: ReadonlyArray<StoredRecord>;
    if (options.hasStream()) {
      const stream = options.getStream() as StreamsPb.ReadReq.Options.StreamOptions;
      const name = streamName(stream.getStreamIdentifier());
      const from = stream.hasRevision()
        ? BigInt(stream.getRevision())
        : stream.hasStart()
          ? 'start'
          : 'end';
      const records = db.read(name, backwards ? 'backwards' : 'forwards', from, limit);
      if (records === 'deleted') {
        call.emit('error', exceptionError('stream-deleted', name));
        return;
      }
      if (records === undefined) {
        const notFound = new m.streams.ReadResp.StreamNotFound();
        notFound.setStreamIdentifier(identifier(name));
        const response = new m.streams.ReadResp();
        response.setStreamNotFound(notFound);
        call.write(response);
        call.end();
        return;
      }
      selected = records;
    } else {
      const all = options.getAll() as StreamsPb.ReadReq.Options.AllOptions;
      const from = all.hasPosition()
        ? BigInt(all.getPosition()?.getCommitPosition() ?? '0')
        : undefined;
      const filter = filterOf(options);
      const log = db.log().filter(filter);
      selected = backwards
        ? log.filter((r) => !all.hasStart() && (from === undefined || r.position < from)).reverse()
        : log.filter((r) => !all.hasEnd() && (from === undefined || r.position >= from));
    }
    for (const record of selected.slice(0, limit)) call.write(readEvent(record));
    call.end();
  };

  // ---------------------------------------------------------------------------------------------
  // Appends
  // ---------------------------------------------------------------------------------------------

  const wrongExpectedVersion = (
    expected: Expected,
    current: bigint | 'no-stream',
  ): SharedPb.WrongExpectedVersion => {
    const details = new m.shared.WrongExpectedVersion();
    if (current === 'no-stream') details.setCurrentNoStream(new m.empty.Empty());
    else details.setCurrentStreamRevision(current.toString());
    if (expected === 'any') details.setExpectedAny(new m.empty.Empty());
    else if (expected === 'no-stream') details.setExpectedNoStream(new m.empty.Empty());
    else if (expected === 'stream-exists') details.setExpectedStreamExists(new m.empty.Empty());
    else details.setExpectedStreamPosition(expected.toString());
    return details;
  };

  const append = (
    call: grpc.ServerReadableStream<StreamsPb.AppendReq, StreamsPb.AppendResp>,
    callback: grpc.sendUnaryData<StreamsPb.AppendResp>,
  ) => {
    count('Append');
    let stream = '';
    let expected: Expected = 'any';
    const records: ProposedRecord[] = [];
    call.on('data', (request: StreamsPb.AppendReq) => {
      if (request.hasOptions()) {
        const options = request.getOptions() as StreamsPb.AppendReq.Options;
        stream = streamName(options.getStreamIdentifier());
        expected = options.hasRevision()
          ? BigInt(options.getRevision())
          : options.hasNoStream()
            ? 'no-stream'
            : options.hasStreamExists()
              ? 'stream-exists'
              : 'any';
      } else {
        records.push(proposed(request.getProposedMessage() as StreamsPb.AppendReq.ProposedMessage));
      }
    });
    call.on('end', () => {
      const outcome = db.append(stream, expected, records);
      const response = new m.streams.AppendResp();
      switch (outcome.kind) {
        case 'deleted':
          callback(exceptionError('stream-deleted', stream));
          return;
        case 'wrong-expected-version': {
          const wrong = new m.streams.AppendResp.WrongExpectedVersion();
          if (outcome.current === 'no-stream') wrong.setCurrentNoStream(new m.empty.Empty());
          else wrong.setCurrentRevision(outcome.current.toString());
          if (typeof expected === 'bigint') wrong.setExpectedRevision(expected.toString());
          else if (expected === 'no-stream') wrong.setExpectedNoStream(new m.empty.Empty());
          else if (expected === 'stream-exists') wrong.setExpectedStreamExists(new m.empty.Empty());
          else wrong.setExpectedAny(new m.empty.Empty());
          response.setWrongExpectedVersion(wrong);
          callback(null, response);
          return;
        }
        case 'ok': {
          const success = new m.streams.AppendResp.Success();
          success.setCurrentRevision(outcome.revision.toString());
          const position = new m.streams.AppendResp.Position();
          position.setCommitPosition(outcome.position.toString());
          position.setPreparePosition(outcome.position.toString());
          success.setPosition(position);
          response.setSuccess(success);
          callback(null, response);
          return;
        }
      }
    });
  };

  const batchAppend = (
    call: grpc.ServerDuplexStream<StreamsPb.BatchAppendReq, StreamsPb.BatchAppendResp>,
  ) => {
    const pending = new Map<
      string,
      { stream: string; expected: Expected; records: ProposedRecord[] }
    >();
    call.on('data', (request: StreamsPb.BatchAppendReq) => {
      const correlation = uuidText(request.getCorrelationId());
      let batch = pending.get(correlation);
      if (batch === undefined) {
        const options = request.getOptions() as StreamsPb.BatchAppendReq.Options;
        batch = {
          stream: streamName(options.getStreamIdentifier()),
          expected: options.hasStreamPosition()
            ? BigInt(options.getStreamPosition())
            : options.hasNoStream()
              ? 'no-stream'
              : options.hasStreamExists()
                ? 'stream-exists'
                : 'any',
          records: [],
        };
        pending.set(correlation, batch);
      }
      batch.records.push(...request.getProposedMessagesList().map(proposed));
      if (!request.getIsFinal()) return;
      count('BatchAppend');
      pending.delete(correlation);
      const outcome = db.append(batch.stream, batch.expected, batch.records);
      const response = new m.streams.BatchAppendResp();
      response.setCorrelationId(request.getCorrelationId());
      response.setStreamIdentifier(identifier(batch.stream));
      if (outcome.kind === 'ok') {
        const success = new m.streams.BatchAppendResp.Success();
        success.setCurrentRevision(outcome.revision.toString());
        const position = new m.shared.AllStreamPosition();
        position.setCommitPosition(outcome.position.toString());
        position.setPreparePosition(outcome.position.toString());
        success.setPosition(position);
        response.setSuccess(success);
      } else {
        const status = new m.status.Status();
        const details = new m.any.Any();
        if (outcome.kind === 'deleted') {
          status.setCode(grpc.status.FAILED_PRECONDITION);
          const deleted = new m.shared.StreamDeleted();
          deleted.setStreamIdentifier(identifier(batch.stream));
          details.pack(deleted.serializeBinary(), 'event_store.client.StreamDeleted');
        } else {
          status.setCode(grpc.status.FAILED_PRECONDITION);
          details.pack(
            wrongExpectedVersion(batch.expected, outcome.current).serializeBinary(),
            'event_store.client.WrongExpectedVersion',
          );
        }
        status.setDetails(details);
        response.setError(status as never);
      }
      call.write(response);
    });
    call.on('end', () => call.end());
  };

  const deleteStream = (
    call: grpc.ServerUnaryCall<StreamsPb.DeleteReq, StreamsPb.DeleteResp>,
    callback: grpc.sendUnaryData<StreamsPb.DeleteResp>,
  ) => {
    const stream = streamName(call.request.getOptions()?.getStreamIdentifier());
    const outcome = db.delete(stream);
    if (outcome.kind === 'deleted') return callback(exceptionError('stream-deleted', stream));
    const response = new m.streams.DeleteResp();
    if (outcome.kind === 'ok') {
      const position = new m.streams.DeleteResp.Position();
      position.setCommitPosition(outcome.position.toString());
      position.setPreparePosition(outcome.position.toString());
      response.setPosition(position);
    }
    return callback(null, response);
  };

  const tombstone = (
    call: grpc.ServerUnaryCall<StreamsPb.TombstoneReq, StreamsPb.TombstoneResp>,
    callback: grpc.sendUnaryData<StreamsPb.TombstoneResp>,
  ) => {
    db.tombstone(streamName(call.request.getOptions()?.getStreamIdentifier()));
    callback(null, new m.streams.TombstoneResp());
  };

  const unimplemented = (_call: unknown, callback: grpc.sendUnaryData<never>) =>
    callback(serviceError(grpc.status.UNIMPLEMENTED, 'Not served by the test server'));

  server.addService(StreamsService, {
    append,
    batchAppend,
    read,
    delete: deleteStream,
    tombstone,
  } as grpc.UntypedServiceImplementation);

  // ---------------------------------------------------------------------------------------------
  // Multi-stream append (KurrentDB 25.1)
  // ---------------------------------------------------------------------------------------------

  const v2 = m.v2;
  if (settings.multiStreamAppend && v2 !== undefined) {
    const appendSession = (
      call: grpc.ServerReadableStream<V2Pb.AppendRequest, V2Pb.AppendSessionResponse>,
      callback: grpc.sendUnaryData<V2Pb.AppendSessionResponse>,
    ) => {
      count('AppendSession');
      const writes: Array<{ stream: string; expected: Expected; records: ProposedRecord[] }> = [];
      call.on('data', (request: V2Pb.AppendRequest) => {
        const revision = BigInt(request.getExpectedRevision() ?? '-2');
        writes.push({
          stream: request.getStream(),
          expected:
            revision === -2n
              ? 'any'
              : revision === -1n
                ? 'no-stream'
                : revision === -4n
                  ? 'stream-exists'
                  : revision,
          records: request.getRecordsList().map((record) => {
            const properties: Record<string, string> = {};
            for (const [key, value] of record.getPropertiesMap().entries()) {
              properties[key] = (value as { getStringValue: () => string }).getStringValue();
            }
            const json =
              record.getSchema()?.getFormat() === v2.streams.SchemaFormat.SCHEMA_FORMAT_JSON;
            return {
              id: record.getRecordId() ?? '',
              type: record.getSchema()?.getName() ?? '',
              contentType: json ? 'application/json' : 'application/octet-stream',
              data: record.getData_asU8(),
              customMetadata: utf8.encode(JSON.stringify(properties)),
            };
          }),
        });
      });
      call.on('end', () => {
        const result = db.appendAtomically(writes);
        if (!Array.isArray(result)) {
          const { stream, outcome } = result as { stream: string; outcome: AppendOutcome };
          const expected = writes.find((w) => w.stream === stream)?.expected ?? 'any';
          const metadata = new grpc.Metadata();
          const conflict = new v2.errors.StreamRevisionConflictErrorDetails();
          conflict.setStream(stream);
          conflict.setExpectedRevision(
            expected === 'any'
              ? '-2'
              : expected === 'no-stream'
                ? '-1'
                : expected === 'stream-exists'
                  ? '-4'
                  : expected.toString(),
          );
          const current = outcome.kind === 'wrong-expected-version' ? outcome.current : 'no-stream';
          conflict.setActualRevision(current === 'no-stream' ? '-1' : current.toString());
          const status = new m.status.Status();
          status.setCode(grpc.status.FAILED_PRECONDITION);
          const details = new m.any.Any();
          details.setTypeUrl(
            'type.googleapis.com/kurrentdb.protocol.v2.streams.errors.StreamRevisionConflictErrorDetails',
          );
          details.setValue(conflict.serializeBinary());
          status.setDetails(details);
          metadata.set('grpc-status-details-bin', Buffer.from(status.serializeBinary()));
          callback(serviceError(grpc.status.FAILED_PRECONDITION, '', metadata));
          return;
        }
        const response = new v2.streams.AppendSessionResponse();
        let last = 0n;
        for (const [i, outcome] of (result as ReadonlyArray<AppendOutcome>).entries()) {
          if (outcome.kind !== 'ok') continue;
          const output = new v2.streams.AppendResponse();
          output.setStream(writes[i]?.stream ?? '');
          output.setStreamRevision(outcome.revision.toString());
          output.setPosition(outcome.position.toString());
          response.addOutput(output);
          if (outcome.position > last) last = outcome.position;
        }
        response.setPosition(last.toString());
        callback(null, response);
      });
    };
    server.addService(v2.grpc.StreamsServiceService, {
      appendSession,
      appendRecords: unimplemented,
    });
  }

  // ---------------------------------------------------------------------------------------------
  // Server features
  // ---------------------------------------------------------------------------------------------

  const advertised: Array<{ readonly path: string; readonly features: ReadonlyArray<string> }> = [
    {
      path: (StreamsService['append'] as grpc.MethodDefinition<unknown, unknown>).path,
      features: [],
    },
    {
      path: (StreamsService['read'] as grpc.MethodDefinition<unknown, unknown>).path,
      features: ['all', 'position'],
    },
    ...(settings.batchAppend
      ? [
          {
            path: (StreamsService['batchAppend'] as grpc.MethodDefinition<unknown, unknown>).path,
            features: [],
          },
        ]
      : []),
    ...(settings.multiStreamAppend && v2 !== undefined
      ? [
          {
            path: (
              v2.grpc.StreamsServiceService['appendSession'] as grpc.MethodDefinition<
                unknown,
                unknown
              >
            ).path,
            features: [],
          },
        ]
      : []),
  ];
  server.addService(m.featuresGrpc.ServerFeaturesService, {
    getSupportedMethods: (_call: unknown, callback: grpc.sendUnaryData<unknown>) => {
      const methods = new m.features.SupportedMethods();
      methods.setEventStoreServerVersion(settings.multiStreamAppend ? '25.1.0' : '24.10.0');
      methods.setMethodsList(
        advertised.map(({ path, features }) => {
          const [service = '', method = ''] = path.slice(1).split('/');
          const supported = new m.features.SupportedMethod();
          supported.setServiceName(service.toLowerCase());
          supported.setMethodName(method.toLowerCase());
          supported.setFeaturesList(features);
          return supported;
        }),
      );
      callback(null, methods);
    },
  });

  const port = await new Promise<number>((resolve, reject) =>
    server.bindAsync('127.0.0.1:0', grpc.ServerCredentials.createInsecure(), (error, bound) =>
      error === null ? resolve(bound) : reject(error),
    ),
  );
  return {
    connectionString: `${settings.client === 'esdb' ? 'esdb' : 'kurrentdb'}://127.0.0.1:${port}?tls=false`,
    calls: () => ({ ...calls }),
    stop: () =>
      new Promise<void>((resolve) => {
        server.tryShutdown(() => resolve());
        setTimeout(() => server.forceShutdown(), 500).unref();
      }),
  };
}
