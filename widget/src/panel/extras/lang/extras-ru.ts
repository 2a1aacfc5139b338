import type { ExtraMessages } from '../messages.ts';

/** Russian texts of the panel's extras; counts take one, few or many forms ("из 1 друга", "из 5 друзей"). */
export default {
  joinLead: 'Укажите email и сразу получите свою ссылку.',
  emailLabel: 'Email',
  nameLabel: 'Имя (необязательно)',
  join: 'Получить ссылку',
  joinExists: 'Этот email уже участвует в программе: войдите в магазине, чтобы увидеть свою ссылку.',
  joinInvalid: 'Проверьте адрес электронной почты.',
  joinDisposable: 'Укажите свой постоянный адрес, а не одноразовый.',
  joinFailed: 'Не получилось. Попробуйте позже.',
  unconfirmed: 'Ваши вознаграждения на проверке, пока магазин не подтвердит вашу учётную запись.',
  newRewards: { one: '{count} новое вознаграждение', few: '{count} новых вознаграждения', many: '{count} новых вознаграждений', other: '{count} нового вознаграждения' },
  nextBonus: {
    one: '{count} из {target} друга до следующего бонуса',
    few: '{count} из {target} друзей до следующего бонуса',
    many: '{count} из {target} друзей до следующего бонуса',
    other: '{count} из {target} друга до следующего бонуса',
  },
  nextTier: {
    one: 'Уровень «{tier}» с {target} друга',
    few: 'Уровень «{tier}» с {target} друзей',
    many: 'Уровень «{tier}» с {target} друзей',
    other: 'Уровень «{tier}» с {target} друга',
  },
  currentTier: 'Ваш уровень: {tier}',
  splitLabel: 'Поделитесь вознаграждением с друзьями',
  splitOption: '{percent}% другу',
  splitSaved: 'Сохранено',
  leaderboardTitle: 'Лучшие участники',
  leaderboardFriends: { one: '{count} друг', few: '{count} друга', many: '{count} друзей', other: '{count} друга' },
} satisfies ExtraMessages;
