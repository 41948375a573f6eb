import { keepPreviousData, useQuery } from '@tanstack/react-query';
import type { components, operations } from '@/api/generated/schema';
import { api, call } from '@/lib/api';

export type User = components['schemas']['UserDto'];
export type CreateUser = components['schemas']['CreateUserDto'];
export type UpdateUser = components['schemas']['UpdateUserDto'];
export type UserQuery = NonNullable<operations['UsersController_list']['parameters']['query']>;

export const userKeys = {
  all: ['users'] as const,
  list: (query: UserQuery) => ['users', 'list', query] as const,
  one: (id: string) => ['users', 'one', id] as const,
};

export function useUsers(query: UserQuery) {
  return useQuery({
    queryKey: userKeys.list(query),
    queryFn: () => call(api.GET('/api/users', { params: { query } })),
    placeholderData: keepPreviousData,
  });
}

/** The single read: phone and email whole (the list masks them), for the edit form. */
export function useUser(id: string | undefined) {
  return useQuery({
    queryKey: userKeys.one(id ?? ''),
    queryFn: () => call(api.GET('/api/users/{id}', { params: { path: { id: id! } } })),
    enabled: !!id,
  });
}
