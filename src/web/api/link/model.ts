import { queryOptions } from '@tanstack/react-query';
import { commandListResponse, linkService, propertyListResponse, serviceListResponse, type CommandRequest, type CreateServiceRequest, type LinkCommand, type LinkProperty, type LinkService, type PropertyRequest, type UpdateServiceRequest } from '../../../contract/link';
import { http, parseWith } from '../http';
import { seg } from '../project';
import { base, modelKeys, str } from './base';

export interface Service {
  id: string;
  name: string;
  description: string;
  enabled: boolean;
}
const serviceFromWire = (s: LinkService): Service => ({
  id: String(s.service_id),
  name: s.service_name,
  description: s.description ?? '',
  enabled: s.status !== 1,
});
export interface Command {
  id: string;
  serviceId?: string;
  name: string;
  description: string;
}
const commandFromWire = (c: LinkCommand): Command => ({
  id: String(c.command_id),
  serviceId: str(c.service_id),
  name: c.command_name,
  description: c.description ?? '',
});
export type Property = Omit<LinkProperty, 'property_id'> & { id: string };
const propertyFromWire = ({ property_id, ...p }: LinkProperty): Property => ({ id: String(property_id), ...p });


// ---- thing model: services → properties, commands → request/response parameters ----

const services = (iid: string) => `${base(iid)}/services`;
export const servicesQuery = (iid: string, pid: string) =>
  queryOptions({
    queryKey: modelKeys.sub(iid, pid, 'services'),
    queryFn: async ({ signal }) => {
      const res = await http.get(services(iid), { params: { product_id: pid, offset: 0, limit: 999 }, signal });
      return parseWith(serviceListResponse, res.data, 'services').items.map(serviceFromWire);
    },
  });
const oneService = (data: unknown) => serviceFromWire(parseWith(linkService, data, 'service'));
export const createService = async (iid: string, body: CreateServiceRequest) => oneService((await http.post(services(iid), body)).data);
export const updateService = async (iid: string, id: string, body: UpdateServiceRequest) =>
  oneService((await http.put(`${services(iid)}/${seg(id)}`, body)).data);
export const deleteService = async (iid: string, id: string) => void (await http.delete(`${services(iid)}/${seg(id)}`));

/** Where a property list lives: a service's properties, or a command's request/response parameters. */
export type PropertyOwner = { kind: 'service'; serviceId: string } | { kind: 'request' | 'response'; serviceId: string; commandId: string };
const ownerPath = (iid: string, o: PropertyOwner) =>
  o.kind === 'service'
    ? `${services(iid)}/${seg(o.serviceId)}/properties`
    : `${services(iid)}/${seg(o.serviceId)}/commands/${seg(o.commandId)}/${o.kind === 'request' ? 'requests' : 'responses'}`;
const ownerKey = (o: PropertyOwner) => (o.kind === 'service' ? `props:${o.serviceId}` : `${o.kind}:${o.serviceId}:${o.commandId}`);

export const propertiesQuery = (iid: string, pid: string, o: PropertyOwner) =>
  queryOptions({
    queryKey: modelKeys.sub(iid, pid, ownerKey(o)),
    queryFn: async ({ signal }) =>
      parseWith(propertyListResponse, (await http.get(ownerPath(iid, o), { params: { offset: 0, limit: 999 }, signal })).data, 'properties').items.map(
        propertyFromWire,
      ),
  });
export const createProperty = async (iid: string, o: PropertyOwner, body: PropertyRequest) => void (await http.post(ownerPath(iid, o), body));
export const updateProperty = async (iid: string, o: PropertyOwner, id: string, body: PropertyRequest) =>
  void (await http.put(`${ownerPath(iid, o)}/${seg(id)}`, body));
export const deleteProperty = async (iid: string, o: PropertyOwner, id: string) => void (await http.delete(`${ownerPath(iid, o)}/${seg(id)}`));

const commands = (iid: string, sid: string) => `${services(iid)}/${seg(sid)}/commands`;
export const commandsQuery = (iid: string, pid: string, sid: string) =>
  queryOptions({
    queryKey: modelKeys.sub(iid, pid, `commands:${sid}`),
    queryFn: async ({ signal }) =>
      parseWith(commandListResponse, (await http.get(commands(iid, sid), { params: { offset: 0, limit: 999 }, signal })).data, 'commands').items.map(
        commandFromWire,
      ),
  });
export const createCommand = async (iid: string, sid: string, body: CommandRequest) => void (await http.post(commands(iid, sid), body));
export const updateCommand = async (iid: string, sid: string, id: string, body: CommandRequest) =>
  void (await http.put(`${commands(iid, sid)}/${seg(id)}`, body));
export const deleteCommand = async (iid: string, sid: string, id: string) => void (await http.delete(`${commands(iid, sid)}/${seg(id)}`));
